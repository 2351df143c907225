package dev.moments.application.port;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import java.time.Instant;

/**
 * One movement of a budget.
 *
 * @param sequence the entry's position in the ledger, increasing; also the paging cursor
 * @param awardId the award it belongs to, or {@code null} for top-ups
 */
public record LedgerEntry(long sequence, MomentId momentId, AwardId awardId, Kind kind, Money amount, Instant at) {

    /** The kinds of movement. */
    public enum Kind {
        /** Money added to the total, the opening budget included. */
        TOP_UP,
        /** The price of a completed action set aside for its award. */
        RESERVE,
        /** A claim charged the reward's cost out of its reservation. */
        SETTLE,
        /** A reservation given back (expiry, cancellation, or the rest after a settle). */
        RELEASE,
        /** A settled cost given back to the budget: the delivery failed for good. */
        REFUND
    }
}
