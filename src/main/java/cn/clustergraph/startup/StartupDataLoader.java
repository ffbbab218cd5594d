package cn.clustergraph.startup;

/**
 * A data set loaded once the schema is in place and before the app reports ready (programme, chains, sample register).
 * Implementations are run in {@link org.springframework.core.annotation.Order} order.
 */
public interface StartupDataLoader {

    /** Short name for logs and health details. */
    String name();

    /** Loads the data if this start needs it; returns a one-line summary for the log and health details. */
    String loadOnStartup();
}
