package dev.moments.application.port.out;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each moment's budget and the immutable ledger of its movements. Every change is atomic in the store
 * itself (never a read followed by a write), so spent + reserved never exceeds the total under any concurrency.
 */
public interface BudgetLedger {

    /** Opens the budget of a new moment, recording its total as the first top-up. */
    void open(Budget budget, Instant at);

    Optional<Budget> find(MomentId momentId);

    /**
     * Locks the moment's budget until the end of the transaction. A payment that decides under the lock takes it
     * first (a claim's settle, a direct award, a unit of events whose money moved), and a status change or an edit
     * takes it first too ({@link #lockToChange}), so the two never interleave: a payment that starts after a finish
     * sees the finished moment.
     *
     * @return the budget as it stands under the lock
     * @throws java.util.NoSuchElementException when the moment has no budget
     */
    Budget lock(MomentId momentId);

    /**
     * Locks the budget like {@link #lock}, to change the moment's status or definition (a lifecycle change, an edit):
     * the budget's generation moves on, so a payment decided from an earlier {@link #read} reserves nothing
     * ({@link #reserveAllIfUnchanged}).
     *
     * @return the budget as it stands under the lock
     * @throws java.util.NoSuchElementException when the moment has no budget
     */
    Budget lockToChange(MomentId momentId);

    /**
     * The budget as it stands, read without a lock, with today's charges (the calendar day of {@code now} in
     * {@code zone}) and its generation: what a payment decides against before it reserves last.
     */
    Optional<Unlocked> read(MomentId momentId, ZoneId zone, Instant now);

    /**
     * A budget read without its lock.
     *
     * @param chargedToday the charges of the day asked for, as a reservation counts them
     * @param generation how many times the moment's status or definition changed ({@link #lockToChange})
     */
    record Unlocked(Budget budget, Money chargedToday, long generation) {
    }

    /**
     * {@link #reserveAll}, if, and only if, the budget's generation is still {@code generation} too: the moment's
     * status and definition are those a payment read with it. One statement, which takes the budget's lock (held until the
     * transaction ends): a payment that decided from {@link #read} makes this its last statement.
     *
     * @return the budget after the reservation, or empty when nothing was reserved (the generation moved on, the
     *     budget cannot cover them all, or the day's cap would be exceeded)
     */
    Optional<Budget> reserveAllIfUnchanged(MomentId momentId, long generation, Money each, List<AwardId> awardIds,
                                           Instant at, LocalDate day);

    /**
     * Whether the budget's generation is still {@code generation}, read under a shared lock of the budget (held until
     * the transaction ends), so no status change or edit can follow it in this transaction's lifetime: what a payment
     * that reserves nothing (a moment in TEST) checks last.
     */
    boolean isUnchanged(MomentId momentId, long generation);

    /**
     * Reserves {@code amount} for an award if, and only if, the remaining budget covers it and the charges of
     * {@code day} (the calendar day of {@code at} in the moment's time zone) stay within the daily cap. One atomic
     * step in the store.
     */
    default Reservation reserve(MomentId momentId, Money amount, AwardId awardId, Instant at, LocalDate day) {
        return reserveAll(momentId, amount, List.of(awardId), at, day);
    }

    /**
     * Reserves {@code each} for every one of {@code awardIds} (one ledger entry apiece), all or nothing: if, and only
     * if, the remaining budget covers them all and the charges of {@code day} stay within the daily cap. One atomic
     * step in the store, however many awards: what lets a unit of work pay for many completions at the cost of one.
     */
    Reservation reserveAll(MomentId momentId, Money each, List<AwardId> awardIds, Instant at, LocalDate day);

    /**
     * Gives back a reservation of {@code amount} made on {@code reservedOn} (expiry, cancellation): the day's charges
     * shrink if it is still that day's record.
     */
    void release(MomentId momentId, AwardId awardId, Money amount, LocalDate reservedOn, Instant at);

    /** Charges {@code cost} out of a reservation of {@code reservation} made on {@code reservedOn}, releasing the rest. */
    void settle(MomentId momentId, AwardId awardId, Money reservation, Money cost, LocalDate reservedOn, Instant at);

    /**
     * Gives back {@code amount} that a settle spent (a delivery that failed for good): what is spent shrinks and what
     * remains grows by it, recorded as a {@code REFUND} entry; the charges of {@code reservedOn} shrink too if it is
     * still the day on record.
     */
    void refund(MomentId momentId, AwardId awardId, Money amount, LocalDate reservedOn, Instant at);

    /** What became of a reservation request. */
    enum Reservation {
        /** Reserved. */
        RESERVED,
        /** The remaining budget cannot cover it. */
        BUDGET_EXHAUSTED,
        /** The budget could, but the day's charges would exceed the daily cap. */
        DAILY_CAP
    }

    /** The share of a budget used (spent + reserved) at which it is low, in percent. */
    int LOW_PERCENT = Budget.LOW_PERCENT_USED;

    /**
     * Marks the budget as low if it has crossed {@link #LOW_PERCENT} used and was not marked yet: true exactly once
     * per crossing, however many transactions ask at once. A top-up that brings the use back under the threshold
     * clears the mark.
     */
    boolean markLowOnce(MomentId momentId);

    /** Adds {@code amount} to the total. */
    void topUp(MomentId momentId, Money amount, Instant at);

    /**
     * Sets the price per action and the daily cap ({@code null}: none) of an edited moment. The total, what is
     * reserved and spent, and the ledger stay as they are: an award keeps the reservation it was made with. Refused,
     * changing nothing, if the charges on record for {@code day} (or a later day) already exceed the new cap.
     *
     * @return whether the budget was changed
     */
    boolean reprice(MomentId momentId, Money costPerAction, Money dailyCap, LocalDate day);

    /** What is reserved, spent, remaining, and charged on today's date in {@code zone}. */
    BudgetState state(MomentId momentId, ZoneId zone, Instant now);
}
