package cn.clustergraph.web;

import cn.clustergraph.chain.ChainService;
import cn.clustergraph.enterprise.EnterpriseService;
import cn.clustergraph.search.SearchService;
import cn.clustergraph.startup.StartupDataLoader;
import cn.clustergraph.target.TargetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Runs each read query once before the app reports ready: Neo4j plans a big query the first time it sees it (seconds
 * for the chain view), so the first user would otherwise wait. {@code clustergraph.api.warm-up=false} skips it.
 */
@Component
@Order(90)
class WarmUp implements StartupDataLoader {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final ChainService chains;
    private final EnterpriseService enterprises;
    private final TargetService targets;
    private final SearchService search;
    private final boolean enabled;

    WarmUp(ChainService chains, EnterpriseService enterprises, TargetService targets, SearchService search,
           @Value("${clustergraph.api.warm-up:true}") boolean enabled, @Value("${clustergraph.cli.command:}") String command) {
        this.chains = chains;
        this.enterprises = enterprises;
        this.targets = targets;
        this.search = search;
        this.enabled = enabled && command.isBlank(); // a command-line run serves no requests
    }

    @Override
    public String name() {
        return "warm-up";
    }

    @Override
    public String loadOnStartup() {
        if (!enabled) {
            return "skipped (clustergraph.api.warm-up=false, or a command-line run)";
        }
        long started = System.nanoTime();
        List<Runnable> calls = List.of(
                () -> chains.clusters(null, null),
                () -> chains.chains(null, null).items().stream().findFirst().ifPresent(c -> chains.chain(c.name(), null)),
                () -> enterprises.list(new EnterpriseService.Filter(null, null, null, null, null, null, null, null), 0, 10)
                        .items().stream().findFirst().ifPresent(e -> {
                            enterprises.get(e.id());
                            enterprises.targets(e.id());
                        }),
                () -> targets.list(null, true, null, null, null, 0, 10),
                () -> targets.contributors("A1-02", 0, 10),
                () -> search.search("经信局", null, null));
        int failed = 0;
        for (Runnable call : calls) {
            try {
                call.run();
            } catch (RuntimeException e) {
                failed++;
                log.warn("Warm-up query failed: {}", e.toString());
            }
        }
        return "read queries planned in " + (System.nanoTime() - started) / 1_000_000 + " ms" + (failed > 0 ? " (" + failed + " failed)" : "");
    }
}
