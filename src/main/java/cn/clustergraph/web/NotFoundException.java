package cn.clustergraph.web;

/**
 * Thrown when a requested thing (department, task, chain, ...) does not exist; answered as 404 problem+json
 * ({@link ApiProblem}, type "/problems/not-found") with the message in Chinese and English.
 */
public class NotFoundException extends RuntimeException {

    private final String zh;

    /** English only: the Chinese detail says "未找到" and quotes the English message. */
    public NotFoundException(String message) {
        this(null, message);
    }

    public NotFoundException(String zh, String en) {
        super(en);
        this.zh = zh;
    }

    /** The detail in Chinese. */
    public String zh() {
        return zh != null ? zh : "未找到：" + getMessage();
    }
}
