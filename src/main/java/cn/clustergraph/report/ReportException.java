package cn.clustergraph.report;

/**
 * A report that exists but cannot run (broken header, not read-only, the query failed or timed out); the web layer
 * answers it as problem+json with {@link #status()} and the command line exits with 1.
 */
class ReportException extends RuntimeException {

    private final int status;
    private final String report;

    ReportException(int status, String report, String message) {
        super(message);
        this.status = status;
        this.report = report;
    }

    int status() {
        return status;
    }

    String report() {
        return report;
    }
}
