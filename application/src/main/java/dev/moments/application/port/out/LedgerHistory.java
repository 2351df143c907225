package dev.moments.application.port.out;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Reads the immutable budget ledger back: a moment's entries, and a partner's monthly statement. */
public interface LedgerHistory {

    /** The moment's ledger entries, oldest first, if the moment is the partner's; empty page otherwise. */
    Page<LedgerEntry> entries(PartnerId partnerId, MomentId momentId, PageRequest page);

    /**
     * One line per moment of the partner with ledger entries in the month (UTC calendar month), in moment id order.
     */
    List<StatementLine> statement(PartnerId partnerId, YearMonth month);

    /** The kinds of movement. */
    enum Kind {
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

    /**
     * One movement of a budget.
     *
     * @param sequence the entry's position in the ledger, increasing; also the paging cursor
     * @param awardId the award it belongs to, or {@code null} for top-ups
     */
    record LedgerEntry(long sequence, MomentId momentId, AwardId awardId, Kind kind, Money amount, Instant at) {
    }

    /**
     * What one moment cost in a month.
     *
     * @param actionsPaid completed actions paid for (reservations made)
     * @param reserved the sum of reservations made
     * @param released the sum of reservations given back
     * @param settled the sum charged by claims
     * @param charged reserved less released: what the month's actions cost at most
     */
    record StatementLine(MomentId momentId, String momentName, long actionsPaid, Money reserved, Money released,
                         Money settled, Money charged) {
    }
}
