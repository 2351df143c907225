package dev.moments.application.port.in;

import dev.moments.domain.award.Refusal;
import dev.moments.domain.shared.DomainException;

/** The user may not be awarded the moment now; {@link #refusal()} says why. */
public final class NotEligibleException extends DomainException {

    private final Refusal refusal;

    public NotEligibleException(Refusal refusal) {
        super("the user is not eligible: " + refusal);
        this.refusal = refusal;
    }

    /** Why the user may not be awarded. */
    public Refusal refusal() {
        return refusal;
    }

    /** The refusal's code from docs/api.md, e.g. {@code LIMIT_PER_USER}. */
    public String reason() {
        return refusal.name();
    }

    @Override
    public String code() {
        return "not-eligible";
    }
}
