package cn.clustergraph.faults;

import cn.clustergraph.ClusterGraphApplication;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.neo4j.EmbeddedNeo4jEarlyStart;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child JVM of {@link FaultDrillIT}: the whole app on a store, a register load, and a transaction listener that stops the
 * load at one phase and announces it, so the parent kills this JVM with SIGKILL right there. Arguments: data directory,
 * phase ({@code validation}, {@code writes}, {@code rollups}, {@code web}), register folder.
 */
public final class FaultDrillChild {

    static final String HALTED = "FAULT-DRILL-HALTED ";
    static final String BEFORE = "FAULT-DRILL-BEFORE ";
    static final String FINISHED = "FAULT-DRILL-FINISHED";

    private FaultDrillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String phase = args[1];
        Path register = Path.of(args[2]);
        boolean web = phase.equals("web");
        SpringApplication app = new SpringApplication(ClusterGraphApplication.class);
        app.addInitializers(new EmbeddedNeo4jEarlyStart());
        app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        Map<String, Object> settings = new HashMap<>(FaultDrillIT.settings(data));
        if (web) {
            // the reload of a register already there is written in one transaction: killed, the graph is as before
            settings.put("clustergraph.register.single-transaction-rows", "100000");
        }
        ConfigurableApplicationContext context = app.run(FaultDrillIT.args(settings));
        EmbeddedNeo4j neo4j = context.getBean(EmbeddedNeo4j.class);
        RegisterImporter importer = context.getBean(RegisterImporter.class);
        if (web) {
            importer.load(RegisterSource.of(register), FaultDrillIT.DATASET);
            System.out.println(BEFORE + GraphChecksum.of(neo4j.database()));
            System.out.flush();
        }
        neo4j.managementService().registerTransactionEventListener("neo4j", new Halt(phase));
        importer.load(RegisterSource.of(web ? Path.of(args[3]) : register), FaultDrillIT.DATASET);
        System.out.println(FINISHED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Stops the transaction (or the thread after its commit) where the phase is, and waits to be killed. */
    static final class Halt extends TransactionEventListenerAdapter<Object> {
        private final String phase;
        private final AtomicLong enterprises = new AtomicLong();

        Halt(String phase) {
            this.phase = phase;
        }

        @Override
        public Object beforeCommit(TransactionData data, Transaction tx, GraphDatabaseService db) {
            switch (phase) {
                // the first write after the validation pass: nothing of the register has been committed yet
                case "validation" -> {
                    if (created(data, "Dataset") > 0) {
                        stop();
                    }
                }
                // the rollup write of the refresh that follows the register's committed batches
                case "rollups" -> {
                    for (var p : data.assignedNodeProperties()) {
                        if (p.key().equals("rollupAt")) {
                            stop();
                        }
                    }
                }
                // the single transaction of a reload, its rows written, not yet committed
                case "web" -> {
                    for (var p : data.assignedNodeProperties()) {
                        if (p.key().equals("creditCode")) {
                            stop();
                        }
                    }
                }
                default -> {
                }
            }
            return null;
        }

        @Override
        public void afterCommit(TransactionData data, Object state, GraphDatabaseService db) {
            // two batches of enterprises committed (of three): a register half loaded
            if (phase.equals("writes") && enterprises.addAndGet(created(data, "Enterprise")) >= 2L * FaultDrillIT.BATCH_ROWS) {
                stop();
            }
        }

        private static long created(TransactionData data, String label) {
            java.util.Set<String> created = new java.util.HashSet<>();
            for (Node node : data.createdNodes()) {
                created.add(node.getElementId());
            }
            long n = 0;
            for (var l : data.assignedLabels()) {
                if (l.label().equals(Label.label(label)) && created.contains(l.node().getElementId())) {
                    n++;
                }
            }
            return n;
        }

        private void stop() {
            System.out.println(HALTED + phase);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
