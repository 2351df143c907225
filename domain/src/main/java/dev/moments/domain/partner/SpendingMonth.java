package dev.moments.domain.partner;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The month a partner's monthly cap counts a charge in: the UTC calendar month of the award it pays for, whatever
 * the moment's time zone; a give-back (a release, a refund) goes to the month of the award it gives back.
 */
public final class SpendingMonth {

    private SpendingMonth() {
    }

    /** The UTC calendar month of an instant. */
    public static YearMonth of(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }
}
