package cn.clustergraph.web;

/**
 * Thrown for a request parameter or body field that cannot be used; answered as 400 problem+json ({@link ApiProblem})
 * naming the field, with the message in Chinese and English.
 */
public class BadRequestException extends RuntimeException {

    private final String field;
    private final String zh;
    private final ApiProblem.Kind kind;

    /** English only: the Chinese detail names the field and quotes the English message. */
    public BadRequestException(String field, String message) {
        this(field, null, message);
    }

    public BadRequestException(String field, String zh, String en) {
        this(ApiProblem.Kind.BAD_REQUEST, field, zh, en);
    }

    private BadRequestException(ApiProblem.Kind kind, String field, String zh, String en) {
        super(en);
        this.kind = kind;
        this.field = field;
        this.zh = zh;
    }

    /** A parameter or field naming something that does not exist (type "/problems/unknown-name"). */
    public static BadRequestException unknownName(String field, String zh, String en) {
        return new BadRequestException(ApiProblem.Kind.UNKNOWN_NAME, field, zh, en);
    }

    public String field() {
        return field;
    }

    /** The detail in Chinese. */
    public String zh() {
        return zh != null ? zh : (field == null ? "请求有误：" : "参数 " + field + " 有误：") + getMessage();
    }

    public ApiProblem.Kind kind() {
        return kind;
    }
}
