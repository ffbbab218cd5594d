package cn.clustergraph.web;

/** Thrown when a requested thing (department, task, chain, ...) does not exist; answered as 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
