package dev.moments.domain.moment;

import dev.moments.domain.shared.DomainException;

/** A lifecycle step that the moment's current status does not allow, such as resuming a finished moment. */
public final class InvalidTransitionException extends DomainException {

    private final MomentStatus from;
    private final String action;

    public InvalidTransitionException(MomentStatus from, String action) {
        super("a " + from + " moment cannot " + action);
        this.from = from;
        this.action = action;
    }

    public MomentStatus from() {
        return from;
    }

    public String action() {
        return action;
    }

    @Override
    public String code() {
        return "invalid-transition";
    }
}
