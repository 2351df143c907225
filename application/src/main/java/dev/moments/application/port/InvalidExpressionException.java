package dev.moments.application.port;

import dev.moments.domain.shared.DomainException;

/** A {@code where} expression does not compile; says why and where (0-based character offset, or -1). */
public final class InvalidExpressionException extends DomainException {

    private final int position;

    public InvalidExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 0-based character offset of the error in the expression, or -1 when unknown. */
    public int position() {
        return position;
    }

    @Override
    public String code() {
        return "invalid-expression";
    }
}
