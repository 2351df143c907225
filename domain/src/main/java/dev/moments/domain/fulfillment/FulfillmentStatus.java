package dev.moments.domain.fulfillment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the delivery of one claimed reward stands with its provider. {@code PENDING} until the provider accepted the
 * order, {@code SUBMITTED} while it works on it, then one of the three final statuses.
 */
public enum FulfillmentStatus {
    /** Claimed; the order is not (known to be) with the provider yet. */
    PENDING,
    /** The provider accepted the order. */
    SUBMITTED,
    /** Delivered. */
    FULFILLED,
    /** Will not be delivered; the reason says why. */
    FAILED,
    /** Withdrawn before delivery. */
    CANCELLED;

    /** The statuses this one may move to; a status never moves to itself (a repeated report changes nothing). */
    public Set<FulfillmentStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(SUBMITTED, FULFILLED, FAILED, CANCELLED);
            case SUBMITTED -> EnumSet.of(FULFILLED, FAILED, CANCELLED);
            case FULFILLED, FAILED, CANCELLED -> EnumSet.noneOf(FulfillmentStatus.class);
        };
    }

    public boolean canMoveTo(FulfillmentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
