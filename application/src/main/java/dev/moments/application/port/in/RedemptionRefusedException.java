package dev.moments.application.port.in;

import java.util.Objects;

/** A claim that cannot be made, and why; the adapters turn each reason into its own answer (409, 410, 422). */
public final class RedemptionRefusedException extends RuntimeException {

    /** Why a claim was refused. */
    public enum Reason {
        /** The award was claimed before (HTTP 409, problem type ending {@code already-claimed}). */
        ALREADY_CLAIMED,
        /** Before {@code redeemAfter} (409, {@code not-yet-redeemable}). */
        NOT_YET_REDEEMABLE,
        /** Not claimed in time (410). */
        EXPIRED,
        /** Withdrawn by the partner (410). */
        CANCELLED,
        /** The reward is not one of the moment's (422 naming {@code rewardId}). */
        NOT_AN_OPTION,
        /** The reward cannot be delivered to the user's country (409, {@code reward-unavailable}). */
        NOT_IN_COUNTRY,
        /** The reward's code pool is empty (409, {@code reward-unavailable}). */
        OUT_OF_CODES
    }

    private final Reason reason;

    public RedemptionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
