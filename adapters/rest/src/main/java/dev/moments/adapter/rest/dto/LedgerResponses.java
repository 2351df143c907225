package dev.moments.adapter.rest.dto;

import java.time.Instant;
import java.util.List;

/** The JSON bodies of a moment's ledger and of the monthly statement; money is a decimal string beside a currency. */
public final class LedgerResponses {

    private LedgerResponses() {
    }

    /**
     * One movement of a budget.
     *
     * @param sequence the entry's position in the ledger, increasing
     * @param awardId the award it belongs to, {@code null} for top-ups
     */
    public record Entry(long sequence, String kind, String amount, String currency, String awardId, Instant at) {
    }

    /**
     * What a partner's moments cost in one UTC calendar month ({@code YYYY-MM}).
     *
     * @param monthlyCap the partner's spending cap per month as it is now, {@code null} for none
     * @param chargedAgainstCap what counts against a monthly cap in the month: the reservations made in it less those
     *                          of them released in it
     */
    public record Statement(String month, String currency, List<Line> moments, Totals totals, String monthlyCap,
                            String chargedAgainstCap) {
    }

    /** What one moment cost in the month. */
    public record Line(String momentId, String name, long actionsPaid, String reserved, String released,
                       String settled, String charged) {
    }

    /** The sums of the statement's lines. */
    public record Totals(long actionsPaid, String reserved, String released, String settled, String charged) {
    }
}
