package dev.moments.domain.award;

import dev.moments.domain.shared.DomainException;

/** An award was asked to move to a status its current one does not lead to, e.g. claiming it twice. */
public final class InvalidAwardTransitionException extends DomainException {

    private final AwardStatus from;
    private final AwardStatus to;

    public InvalidAwardTransitionException(AwardStatus from, AwardStatus to) {
        super("an award that is " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public AwardStatus from() {
        return from;
    }

    public AwardStatus to() {
        return to;
    }

    @Override
    public String code() {
        return "invalid-award-transition";
    }
}
