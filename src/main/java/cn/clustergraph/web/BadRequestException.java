package cn.clustergraph.web;

/** Thrown for a request parameter or body field that cannot be used; answered as 400 problem+json naming the field. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
