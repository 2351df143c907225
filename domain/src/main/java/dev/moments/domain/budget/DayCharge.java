package dev.moments.domain.budget;

import dev.moments.domain.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a moment was charged on one calendar day of its time zone: reservations made that day, less those given back
 * the same day. A daily cap bounds it; a new day starts from zero.
 */
public record DayCharge(LocalDate day, Money charged) {

    public DayCharge {
        Objects.requireNonNull(charged, "charged");
        if (charged.isNegative()) {
            throw new IllegalStateException("a day's charges cannot be negative: " + charged);
        }
    }

    /** Nothing charged yet. */
    public static DayCharge none(java.util.Currency currency) {
        return new DayCharge(null, Money.zero(currency));
    }

    /**
     * What counts against {@code today}'s cap: the charges on record if they are of today or of a later day (a caller
     * whose clock read fell just before midnight never resets a newer day), zero if they are of an earlier day.
     */
    public Money chargedOn(LocalDate today) {
        return day != null && !day.isBefore(today) ? charged : Money.zero(charged.currency());
    }

    /** Whether {@code amount} more may be charged on {@code today} under {@code dailyCap} ({@code null}: no cap). */
    public boolean allows(LocalDate today, Money amount, Money dailyCap) {
        return dailyCap == null || !chargedOn(today).plus(amount).isGreaterThan(dailyCap);
    }

    /** This record after charging {@code amount} on {@code today}. */
    public DayCharge charge(LocalDate today, Money amount) {
        LocalDate recorded = day != null && day.isAfter(today) ? day : today;
        return new DayCharge(recorded, chargedOn(today).plus(amount));
    }

    /** This record after giving back {@code amount} reserved on {@code reservedOn}: only that day's charges shrink. */
    public DayCharge refund(LocalDate reservedOn, Money amount) {
        if (!reservedOn.equals(day)) {
            return this;
        }
        Money left = charged.minus(amount);
        return new DayCharge(day, left.isNegative() ? Money.zero(charged.currency()) : left);
    }
}
