package cn.clustergraph.neo4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the embedded store on a background thread as soon as the settings are known, so that opening it (seconds on a
 * big graph) overlaps with building the Spring context instead of following it; the {@code embeddedNeo4j} bean takes it.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jEarlyStart.class);
    static final String BEAN = "embeddedNeo4jEarlyStart";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!EmbeddedModeCondition.embedded(env)) {
            return;
        }
        EmbeddedNeo4jProperties props = Binder.get(env).bindOrCreate("clustergraph.neo4j.embedded", EmbeddedNeo4jProperties.class);
        Starting starting = new Starting(props, env.getProperty("spring.neo4j.authentication.username", "neo4j"),
                env.getProperty("spring.neo4j.authentication.password", ""));
        context.getBeanFactory().registerSingleton(BEAN, starting);
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
            // closes the DBMS if the context fails (or closes) before the embeddedNeo4j bean took it
            factory.registerDisposableBean(BEAN, starting);
        }
    }

    /** A DBMS being started in the background: taken once by the bean, or closed with the context if never taken. */
    static final class Starting implements DisposableBean {

        private final EmbeddedNeo4jProperties props;
        private final String username;
        private final String password;
        private final CompletableFuture<EmbeddedNeo4j> neo4j = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(EmbeddedNeo4jProperties props, String username, String password) {
            this.props = props;
            this.username = username;
            this.password = password;
            Thread.ofPlatform().name("neo4j-early-start").daemon().start(() -> {
                try {
                    EmbeddedNeo4j started = EmbeddedNeo4j.start(props, username, password);
                    started.warmCypher();
                    neo4j.complete(started);
                } catch (Throwable e) {
                    neo4j.completeExceptionally(e);
                }
            });
        }

        /** The started DBMS, when it was started with these settings; null otherwise (the caller starts one). */
        EmbeddedNeo4j take(EmbeddedNeo4jProperties current, String currentUser, String currentPassword) {
            if (!props.equals(current) || !Objects.equals(username, currentUser) || !Objects.equals(password, currentPassword)
                    || !taken.compareAndSet(false, true)) {
                return null;
            }
            try {
                return neo4j.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void destroy() {
            if (taken.compareAndSet(false, true)) {
                try {
                    neo4j.join().close();
                } catch (RuntimeException e) {
                    log.debug("Early-started Neo4j not closed: {}", e.toString());
                }
            }
        }
    }
}
