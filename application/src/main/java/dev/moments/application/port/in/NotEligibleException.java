package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/** The user may not be awarded the moment now; {@link #reason()} says why, with a code from API.md. */
public final class NotEligibleException extends DomainException {

    private final String reason;

    public NotEligibleException(String reason) {
        super("the user is not eligible: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return "not-eligible";
    }
}
