package dev.moments.domain.moment;

import dev.moments.domain.shared.DomainException;

/**
 * An edit of a moment whose status does not allow it: only DRAFT and PAUSED moments can be edited, so a definition
 * never changes under events being evaluated or paid.
 */
public final class MomentNotEditableException extends DomainException {

    private final MomentStatus status;

    public MomentNotEditableException(MomentStatus status) {
        super("a " + status + " moment cannot be edited: only DRAFT and PAUSED moments can" + hint(status));
        this.status = status;
    }

    private static String hint(MomentStatus status) {
        return switch (status) {
            case LIVE, EXHAUSTED -> "; pause it first";
            default -> "";
        };
    }

    public MomentStatus status() {
        return status;
    }

    @Override
    public String code() {
        return "not-editable";
    }
}
