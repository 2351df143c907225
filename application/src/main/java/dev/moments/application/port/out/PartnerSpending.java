package dev.moments.application.port.out;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A partner's optional monthly spending cap, across all its moments, and what its awards were charged against it in
 * the current UTC calendar month. Like a budget, every charge is one atomic step in the store (never a read followed
 * by a write), so the charges of a month never exceed the cap under any concurrency.
 *
 * <p>Months are UTC calendar months ({@link YearMonth} of the award's time at UTC). The month on record never goes
 * back: a charge for a month older than the one on record (a caller that read its clock just before midnight and then
 * waited on the partner's lock) counts against the month on record.
 *
 * <p>Lock order: in a transaction that pays, the partner is locked ({@link #lock}) after the user's progress row and
 * before any budget row; a release gives back ({@link #giveBack}) before it touches the budget.
 */
public interface PartnerSpending {

    /**
     * Locks the partner's spending until the end of the transaction, in the mode a charge needs: exclusive among the
     * partner's chargers when it has a cap, shared otherwise. Either way {@link #setCap} waits for every holder, so a
     * new cap cannot miss an award in flight. {@link #charge} and {@link #giveBack} lock by themselves too; calling
     * this first fixes the lock order.
     */
    void lock(PartnerId partnerId);

    /**
     * {@link #lock}, answering the cap as it stands under the lock ({@link #cap}): what a payment decides against. A
     * store may read both at once.
     */
    default Optional<Cap> lockCap(PartnerId partnerId, YearMonth month) {
        lock(partnerId);
        return cap(partnerId, month);
    }

    /**
     * The cap as {@link #lockCap} answers it, but with the partner locked in shared mode only (no {@link #setCap} can
     * run until the transaction ends, other chargers do not wait): a payment decides against it and then charges
     * last, where {@link #charge} checks the cap again and may refuse. A store may lock as {@link #lockCap} does.
     */
    default Optional<Cap> readCap(PartnerId partnerId, YearMonth month) {
        return lockCap(partnerId, month);
    }

    /**
     * Charges {@code amount} (positive, in the partner's currency) against the cap of {@code month} if, and only if,
     * the partner has a cap and the month's charges stay within it. One atomic step in the store. Without a cap nothing
     * is recorded, but the partner stays locked (shared) until the end of the transaction.
     */
    Charge charge(PartnerId partnerId, Money amount, YearMonth month);

    /**
     * Gives back a charge of {@code amount} made in {@code month} (expiry, cancellation, a reservation that failed):
     * the month's charges shrink if it is still the month on record and the partner has a cap.
     */
    void giveBack(PartnerId partnerId, Money amount, YearMonth month);

    /**
     * Sets the cap ({@code null}: removes it) under an exclusive lock of the partner, and starts the charges of
     * {@code now} from the ledger: the partner's reservations made in that month less those of them released in that
     * month. A cap below what is already charged is allowed: no more awards that month.
     */
    void setCap(PartnerId partnerId, Money capOrNull, YearMonth now);

    /** The partner's cap, and what counts against it in {@code month}; empty if the partner has no cap. */
    Optional<Cap> cap(PartnerId partnerId, YearMonth month);

    /**
     * What counts against a cap in {@code month}, cap or not: the running charges when the partner has a cap and that
     * month is on record, else from the ledger — the partner's reservations made in the month less those of them
     * released in the month.
     */
    Money charged(PartnerId partnerId, YearMonth month);

    /** What became of a charge. */
    enum Charge {
        /** Charged against the cap. */
        CHARGED,
        /** The partner has no cap: nothing to charge. */
        NO_CAP,
        /** The month's charges would exceed the cap. */
        MONTHLY_CAP
    }

    /** A monthly cap and what counts against it in one month. */
    record Cap(Money limit, Money charged) {

        /** Whether {@code amount} more would exceed the cap. */
        public boolean refuses(Money amount) {
            return charged.plus(amount).isGreaterThan(limit);
        }
    }
}
