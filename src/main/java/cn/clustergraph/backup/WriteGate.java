package cn.clustergraph.backup;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Pauses every write to the embedded database while a backup reads it, so the backup is one committed state: when the
 * gate closes, it waits for the commits already under way; a transaction that reaches its commit while the gate is
 * closed waits (its locks held, nothing visible) until the gate opens, then commits normally. Reads are not affected.
 * It sees every writer of the database — the app, the importers and any Bolt client — because it sits in the kernel's
 * commit path rather than in the app's code.
 */
final class WriteGate implements TransactionEventListener<Boolean> {

    private final Object lock = new Object();
    private boolean closed;
    private int committing;
    private int waiting;

    @Override
    public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) throws Exception {
        if (!changes(data)) {
            return null; // a read: never paused
        }
        synchronized (lock) {
            waiting++;
            try {
                while (closed) {
                    lock.wait();
                }
            } finally {
                waiting--;
            }
            committing++;
            return Boolean.TRUE;
        }
    }

    private static boolean changes(TransactionData d) {
        return d.createdNodes().iterator().hasNext() || d.deletedNodes().iterator().hasNext()
                || d.createdRelationships().iterator().hasNext() || d.deletedRelationships().iterator().hasNext()
                || d.assignedNodeProperties().iterator().hasNext() || d.removedNodeProperties().iterator().hasNext()
                || d.assignedLabels().iterator().hasNext() || d.removedLabels().iterator().hasNext()
                || d.assignedRelationshipProperties().iterator().hasNext() || d.removedRelationshipProperties().iterator().hasNext();
    }

    @Override
    public void afterCommit(TransactionData data, Boolean state, GraphDatabaseService database) {
        done(state);
    }

    @Override
    public void afterRollback(TransactionData data, Boolean state, GraphDatabaseService database) {
        done(state);
    }

    private void done(Boolean state) {
        if (state != null) {
            synchronized (lock) {
                committing--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Closes the gate and waits until no commit is under way.
     *
     * @throws TimeoutException when commits under way did not finish within {@code wait} (the gate is open again)
     */
    void close(Duration wait) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("Another backup is running");
            }
            closed = true;
            while (committing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closed = false;
                    lock.notifyAll();
                    throw new TimeoutException(committing + " write(s) still committing after " + wait);
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Opens the gate: the writes that waited commit now. */
    void open() {
        synchronized (lock) {
            closed = false;
            lock.notifyAll();
        }
    }

    /** Writes waiting at the gate right now (for the log and tests). */
    int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }
}
