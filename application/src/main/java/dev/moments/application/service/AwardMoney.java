package dev.moments.application.service;

import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What happens to an award's money after it was paid: a claim settles the reservation at the reward's cost (the rest
 * released to the budget and given back to the partner's month), a delivery that fails for good refunds that cost,
 * and an award that ends unclaimed gives its whole reservation back. Callers hold the award's row lock; this takes
 * the partner's, then the budget's (docs/architecture.md), and a moment exhausted for want of the money given back
 * goes live again.
 */
public final class AwardMoney {

    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private final BudgetFollower follower;
    private final Metrics metrics;
    private final TransactionRunner transactions;

    /** @param metrics counts what a claim settles, once its transaction has committed */
    public AwardMoney(BudgetLedger ledger, PartnerSpending spending, BudgetFollower follower, Metrics metrics,
                      TransactionRunner transactions) {
        this.ledger = ledger;
        this.spending = spending;
        this.follower = follower;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    /** What a claim of a reward costing {@code rewardCost} charges the award: never more than its reservation. */
    static Money chargeOf(Award award, Money rewardCost) {
        return rewardCost.isGreaterThan(award.reserved()) ? award.reserved() : rewardCost;
    }

    /** Takes the partner's lock, then the budget's: the lock order of every paying transaction. */
    void lock(Award award) {
        spending.lock(award.partnerId());
        ledger.lock(award.momentId());
    }

    /** Settles the award's reservation at {@code cost} and releases the rest; a TEST award (nothing reserved) settles nothing. */
    void settle(Award award, Moment moment, Money cost, Instant now) {
        if (!award.reserved().isPositive()) {
            return;
        }
        Money rest = award.reserved().minus(cost);
        if (rest.isPositive()) {
            spending.giveBack(award.partnerId(), rest, SpendingMonth.of(award.earnedAt()));
        }
        ledger.settle(award.momentId(), award.id(), award.reserved(), cost, reservedOn(award, moment), now);
        if (rest.isPositive()) {
            follower.follow(award.partnerId(), award.momentId(), now);
        }
        if (cost.isPositive()) {
            transactions.afterCommit(() -> metrics.spent(cost));
        }
    }

    /** Gives a settled cost back to the budget and to the partner's month. */
    void refund(Award award, Moment moment, Money cost, Instant now) {
        if (!award.reserved().isPositive() || !cost.isPositive()) {
            return;
        }
        lock(award);
        spending.giveBack(award.partnerId(), cost, SpendingMonth.of(award.earnedAt()));
        ledger.refund(award.momentId(), award.id(), cost, reservedOn(award, moment), now);
        follower.follow(award.partnerId(), award.momentId(), now);
    }

    /**
     * Gives an unclaimed award's whole reservation back to the partner's month, then to the budget (the lock order);
     * the caller holds the partner's lock when it ends several awards in one transaction.
     */
    void release(Award award, Moment moment, Instant now) {
        if (!award.reserved().isPositive()) {
            return;
        }
        spending.giveBack(award.partnerId(), award.reserved(), SpendingMonth.of(award.earnedAt()));
        ledger.release(award.momentId(), award.id(), award.reserved(), reservedOn(award, moment), now);
        // after the release, which waited for the budget row: an award that took the last money may have made the
        // moment EXHAUSTED meanwhile, and this release is what makes it LIVE again
        follower.follow(award.partnerId(), award.momentId(), now);
    }

    /** The day the award's reservation was made on, in the moment's time zone: what its daily cap counted. */
    private static LocalDate reservedOn(Award award, Moment moment) {
        return LocalDate.ofInstant(award.earnedAt(), moment.schedule().timezone());
    }
}
