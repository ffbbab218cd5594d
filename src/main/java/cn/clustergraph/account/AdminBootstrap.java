package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.neo4j.SecretFile;
import cn.clustergraph.startup.StartupDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The first start with no users creates {@code admin}: with {@code clustergraph.security.admin-password} when set
 * (automated deployments, tests), otherwise with a random password printed once in the log and written to
 * {@code admin-password.txt} next to the store, readable by its owner only. There is no default password anywhere.
 */
@Component
@Order(5)
class AdminBootstrap implements StartupDataLoader {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";
    static final String FILE = "admin-password.txt";

    private final AccountService accounts;
    private final AccountProperties settings;
    private final Environment env;

    AdminBootstrap(AccountService accounts, AccountProperties settings, Environment env) {
        this.accounts = accounts;
        this.settings = settings;
        this.env = env;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public String loadOnStartup() {
        long users = accounts.count();
        if (users > 0) {
            return users + " user(s)";
        }
        boolean given = settings.adminPassword() != null && !settings.adminPassword().isBlank();
        String password = given ? settings.adminPassword() : SecretFile.randomPassword();
        accounts.create(new Actor(Actor.SYSTEM, "local"), ADMIN, password,
                new AccountService.Profile("管理员 Administrator", EnumSet.of(Role.ADMIN), null, null, List.of()));
        if (given) {
            log.info("Created user '{}' with the password from clustergraph.security.admin-password (CLUSTERGRAPH_ADMIN_PASSWORD)", ADMIN);
            return "created admin (password from settings)";
        }
        Path file = SecretFile.folder(env).resolve(FILE);
        SecretFile.write(file, password);
        // Printed once, on purpose: the first administrator has to learn it somewhere. Change it with `user passwd admin`.
        log.warn("""

                ==========================================================================================
                 First start: created user 'admin' with password  {}
                 (also in {}, readable by this OS user only).
                 Sign in at /login and change it: java -jar cluster-graph.jar user passwd admin
                ==========================================================================================""",
                password, file);
        return "created admin (password in " + file.getFileName() + ")";
    }
}
