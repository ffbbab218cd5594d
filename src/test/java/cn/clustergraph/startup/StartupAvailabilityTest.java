package cn.clustergraph.startup;

import cn.clustergraph.migration.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.application.LivenessStateHealthIndicator;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.GenericApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What monitoring sees while the app warms up: alive (liveness UP), not ready (readiness OUT_OF_SERVICE), never DOWN,
 * and no "ready" line until the warm-up is done; then everything UP and the line printed once.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupAvailabilityTest {

    @Test
    void warmingUpIsAliveButNotReadyAndTheReadyLineWaitsForIt(CapturedOutput output) {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        GenericApplicationContext context = new GenericApplicationContext();
        @SuppressWarnings("unchecked") ObjectProvider<cn.clustergraph.neo4j.EmbeddedNeo4j> noNeo4j = mock(ObjectProvider.class);
        ReadyLog readyLog = new ReadyLog(noNeo4j, context, "bolt://db:7687", "127.0.0.1");
        ApplicationEventPublisher events = new ApplicationEventPublisher() {
            @Override
            @SuppressWarnings("unchecked")
            public void publishEvent(Object event) {
                if (event instanceof AvailabilityChangeEvent<?> e) {
                    availability.onApplicationEvent(e);
                    if (e.getState() instanceof ReadinessState) {
                        readyLog.readiness((AvailabilityChangeEvent<ReadinessState>) e);
                    }
                }
            }

            @Override
            public void publishEvent(ApplicationEvent event) {
                publishEvent((Object) event);
            }
        };
        MigrationRunner migrations = mock(MigrationRunner.class);
        when(migrations.migrate()).thenReturn(List.of());
        when(migrations.currentVersion()).thenReturn(10);
        @SuppressWarnings("unchecked") ObjectProvider<StartupDataLoader> loaders = mock(ObjectProvider.class);
        when(loaders.orderedStream()).thenAnswer(i -> java.util.stream.Stream.empty());
        GraphInitializer graph = new GraphInitializer(migrations, loaders, events);
        LivenessStateHealthIndicator liveness = new LivenessStateHealthIndicator(availability);
        ReadinessStateHealthIndicator readiness = new ReadinessStateHealthIndicator(availability);

        // Spring Boot marks the app live once the context has started (before the ApplicationReadyEvent that starts the warm-up)
        events.publishEvent(new AvailabilityChangeEvent<>(context, LivenessState.CORRECT));
        graph.start();

        // warming up: alive, not ready, not dead
        assertThat(liveness.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(graph.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        Status overall = new SimpleStatusAggregator().getAggregateStatus(new java.util.HashSet<>(List.of(graph.health().getStatus(),
                liveness.health(true).getStatus(), readiness.health(true).getStatus())));
        assertThat(overall).isEqualTo(Status.OUT_OF_SERVICE).isNotEqualTo(Status.DOWN);
        assertThat(output.getOut()).doesNotContain(ReadyLog.READY);

        graph.warmedUp("1 × 17 requests in 800 ms");

        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(graph.health().getStatus()).isEqualTo(Status.UP);
        assertThat(liveness.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(output.getOut()).contains(ReadyLog.READY + "(no web server)  | external Neo4j bolt://db:7687");
        // Spring Boot publishes ACCEPTING_TRAFFIC once more after the ready listeners: still one line
        events.publishEvent(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(output.getOut().split(ReadyLog.READY, -1)).hasSize(2);
    }
}
