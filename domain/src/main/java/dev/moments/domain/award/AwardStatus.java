package dev.moments.domain.award;

import java.util.EnumSet;
import java.util.Set;

/** Where an award is between being earned and being delivered. */
public enum AwardStatus {
    /** Completed and paid for; the link works (after {@code redeemAfter}). */
    EARNED,
    /** Held for a manual check before the user may claim it. */
    PENDING_REVIEW,
    /** The user picked a reward. */
    CLAIMED,
    /** A provider is delivering it. */
    FULFILLING,
    /** Delivered. */
    FULFILLED,
    /** Delivery failed for good. */
    FAILED,
    /** Not claimed in time; its reservation is released. */
    EXPIRED,
    /** Cancelled by the partner; its reservation is released. */
    CANCELLED;

    /** The statuses this one may move to. */
    public Set<AwardStatus> next() {
        return switch (this) {
            case EARNED -> EnumSet.of(PENDING_REVIEW, CLAIMED, EXPIRED, CANCELLED);
            case PENDING_REVIEW -> EnumSet.of(EARNED, CANCELLED, EXPIRED);
            case CLAIMED -> EnumSet.of(FULFILLING, FULFILLED, FAILED);
            case FULFILLING -> EnumSet.of(FULFILLED, FAILED);
            case FULFILLED, FAILED, EXPIRED, CANCELLED -> EnumSet.noneOf(AwardStatus.class);
        };
    }

    public boolean canMoveTo(AwardStatus target) {
        return next().contains(target);
    }

    /** Whether the award still holds a reservation of the budget that a release would give back. */
    public boolean holdsReservation() {
        return this == EARNED || this == PENDING_REVIEW;
    }
}
