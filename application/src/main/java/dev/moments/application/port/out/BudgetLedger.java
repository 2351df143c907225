package dev.moments.application.port.out;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
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
     * Reserves {@code amount} for an award if, and only if, the remaining budget covers it.
     *
     * @return whether the reservation was made
     */
    boolean reserve(MomentId momentId, Money amount, AwardId awardId, Instant at);

    /** Adds {@code amount} to the total. */
    void topUp(MomentId momentId, Money amount, Instant at);

    /** What is reserved, spent, remaining, and charged today in {@code zone}. */
    BudgetState state(MomentId momentId, ZoneId zone, Instant now);
}
