package cn.clustergraph.neo4j;

import org.neo4j.driver.exceptions.Neo4jException;

/** The one rule for "Neo4j stopped this transaction for its memory", shared by the console's answer and the register importer's fallback. */
public final class TransactionMemory {

    private TransactionMemory() {
    }

    /** Whether {@code e} is Neo4j refusing a transaction over {@code db.memory.transaction.max} or the total transaction memory. */
    public static boolean exceeded(Neo4jException e) {
        String code = String.valueOf(e.code());
        return code.contains("MemoryPoolOutOfMemoryError") || code.contains("TransactionOutOfMemoryError") || code.contains("TransactionMemoryLimit")
                || "51N72".equals(e.gqlStatus()) || "51N73".equals(e.gqlStatus());
    }
}
