package dev.moments.domain.shared;

/** A business rule said no: an expected refusal with a stable machine-readable code, never a defect. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** A short stable code such as {@code invalid-transition}, used as the last segment of a problem type. */
    public abstract String code();
}
