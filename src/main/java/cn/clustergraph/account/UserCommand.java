package cn.clustergraph.account;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code user add|passwd|disable|enable|list}: manages people from the command line. A password comes from a prompt
 * (typed twice, not echoed), {@code --password-file=PATH} or the environment variable {@code CLUSTERGRAPH_USER_PASSWORD};
 * never from the command line itself (it would sit in the shell history and the process list).
 */
@Component
class UserCommand implements CliCommand {

    static final String PASSWORD_ENV = "CLUSTERGRAPH_USER_PASSWORD";

    private final AccountService accounts;

    UserCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String usage() {
        return "add NAME --roles=DEPARTMENT[,ANALYST] [--department=|--town=|--chains=a,b] [--display-name=] [--password-file=PATH]"
                + " | passwd NAME [--password-file=PATH] | disable NAME | enable NAME | list";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (!a.startsWith("--")) {
                words.add(a);
            }
        }
        if (words.isEmpty()) {
            System.err.println("Usage: user " + usage());
            return 2;
        }
        Actor by = new Actor("cli:" + System.getProperty("user.name", "?"), "local");
        try {
            switch (words.get(0)) {
                case "list" -> {
                    for (UserAccount u : accounts.list()) {
                        System.out.println(u.username() + "\t" + (u.enabled() ? "enabled" : "DISABLED") + "\t"
                                + AccountService.summary(u) + "\t" + u.displayName());
                    }
                    return 0;
                }
                case "add" -> {
                    String name = name(words);
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String r : opts.getOrDefault("roles", opts.getOrDefault("role", "")).split(",")) {
                        if (!r.isBlank()) {
                            Role role = Role.parse(r);
                            if (role == null) {
                                System.err.println("Unknown role '" + r + "'; roles: " + Arrays.toString(Role.values()));
                                return 2;
                            }
                            roles.add(role);
                        }
                    }
                    List<String> chains = opts.containsKey("chains")
                            ? Arrays.stream(opts.get("chains").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
                    UserAccount u = accounts.create(by, name, password(opts, true), new AccountService.Profile(
                            opts.get("display-name"), roles, opts.get("department"), opts.get("town"), chains));
                    System.out.println("Created " + u.username() + ": " + AccountService.summary(u));
                    return 0;
                }
                case "passwd" -> {
                    String name = name(words);
                    accounts.find(name).orElseThrow(() -> new NotFoundException("No user named '" + name + "'"));
                    accounts.setPassword(by, name, password(opts, true));
                    System.out.println("Password of " + name + " changed");
                    return 0;
                }
                case "disable", "enable" -> {
                    String name = name(words);
                    UserAccount u = accounts.update(by, name, new AccountService.Profile(null, null, null, null, null),
                            words.get(0).equals("enable"));
                    System.out.println(u.username() + ": " + AccountService.summary(u));
                    return 0;
                }
                default -> {
                    System.err.println("Usage: user " + usage());
                    return 2;
                }
            }
        } catch (BadRequestException e) {
            System.err.println(e.field() + ": " + e.getMessage());
            return 1;
        } catch (NotFoundException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static String name(List<String> words) {
        if (words.size() < 2) {
            throw new IllegalArgumentException("Give the user name, e.g. user " + words.get(0) + " zhangsan");
        }
        return words.get(1);
    }

    private static String password(Map<String, String> opts, boolean confirm) throws Exception {
        if (opts.containsKey("password-file")) {
            return Files.readString(Path.of(opts.get("password-file")), StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isBlank()) {
            return env;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No terminal to ask for the password: use --password-file=PATH or " + PASSWORD_ENV);
        }
        char[] first = console.readPassword("Password (8+ characters): ");
        char[] second = confirm ? console.readPassword("Again: ") : first;
        if (first == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("The two passwords differ; nothing changed");
        }
        return new String(first);
    }
}
