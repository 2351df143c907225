package dev.moments.adapter.rest.problem;

/** A query parameter that cannot be read as its operation defines it: answered 400 naming the parameter. */
public final class BadQueryParameterException extends RuntimeException {

    private final String parameter;

    public BadQueryParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    /** The name of the offending parameter, e.g. {@code dryRun}. */
    public String parameter() {
        return parameter;
    }
}
