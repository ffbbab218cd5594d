package cn.clustergraph.startup;

import cn.clustergraph.migration.MigrationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies schema migrations and the first data load before the web server starts taking requests, and reports
 * the result as the {@code graph} health component: DOWN until both have finished, OUT_OF_SERVICE while the hot queries
 * are warmed (the instance is alive, just not ready: liveness stays UP, readiness is REFUSING_TRAFFIC), then UP.
 */
@Component("graph")
class GraphInitializer implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(GraphInitializer.class);

    private final MigrationRunner migrations;
    private final ObjectProvider<StartupDataLoader> loaders;
    private final ApplicationEventPublisher events;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private volatile boolean ready;
    private volatile boolean warm;
    private volatile boolean running;

    GraphInitializer(MigrationRunner migrations, ObjectProvider<StartupDataLoader> loaders, ApplicationEventPublisher events) {
        this.migrations = migrations;
        this.loaders = loaders;
        this.events = events;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        List<String> applied = migrations.migrate();
        details.put("schemaVersion", migrations.currentVersion());
        details.put("migrationsAppliedNow", applied);
        log.info("Schema migrations checked ({} applied now) in {} ms", applied.size(), (System.nanoTime() - started) / 1_000_000);
        loaders.orderedStream().forEach(loader -> {
            long t = System.nanoTime();
            String summary = loader.loadOnStartup();
            details.put(loader.name(), summary);
            log.info("Startup load [{}] {} ({} ms)", loader.name(), summary, (System.nanoTime() - t) / 1_000_000);
        });
        details.put("initializedInMs", (System.nanoTime() - started) / 1_000_000);
        ready = true;
        running = true;
    }

    /** True once the hot endpoints have been exercised. */
    boolean warm() {
        return warm;
    }

    /** Called once the hot endpoints have been exercised: only now is the app ready for traffic. */
    void warmedUp(String summary) {
        details.put("warmup", summary);
        warm = true;
        events.publishEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts in a later phase), after all singletons exist. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public Health health() {
        if (!ready) {
            return Health.down().withDetail("reason", "schema migrations or first data load not finished").withDetails(details).build();
        }
        if (!warm) {
            return Health.outOfService().withDetail("reason", "warming up the hot queries").withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
