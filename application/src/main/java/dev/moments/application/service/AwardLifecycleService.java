package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.ExpireAwardsUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ends unclaimed awards — cancelled by the partner or expired — and gives each reservation back to its budget, and
 * its charge back to the partner's month, in the same transaction; a moment exhausted for want of that money goes
 * live again.
 */
public final class AwardLifecycleService implements CancelAwardUseCase, ExpireAwardsUseCase {

    /** The statuses an award expires from (those {@link AwardRepository#lockExpired} finds). */
    private static final Set<AwardStatus> EXPIRABLE = EnumSet.of(AwardStatus.EARNED, AwardStatus.PENDING_REVIEW);

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private final ListeningMoments listening;
    private final BudgetFollower follower;
    private final Clock clock;
    private final Transactions transactions;

    public AwardLifecycleService(AwardRepository awards, MomentRepository moments, BudgetLedger ledger,
                                 PartnerSpending spending, ListeningMoments listening, Clock clock,
                                 TransactionRunner transactions) {
        this.awards = awards;
        this.moments = moments;
        this.ledger = ledger;
        this.spending = spending;
        this.listening = listening;
        this.follower = new BudgetFollower(moments, ledger, listening);
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public AwardView cancel(PartnerId partnerId, AwardId awardId) {
        return transactions.run(() -> {
            Award award = awards.find(partnerId, awardId).orElseThrow(() -> new NotFoundException("award", awardId));
            Award cancelled = end(award, AwardStatus.CANCELLED, clock.now());
            return new AwardView(cancelled, Optional.empty(), null);
        });
    }

    @Override
    public Expiry expireDue(int batchSize) {
        Instant now = clock.now();
        try {
            return new Expiry(transactions.run(() -> expireTogether(now, batchSize)), List.of());
        } catch (RuntimeException batchFailed) {
            return expireOneByOne(now, batchSize);
        }
    }

    /** The awards due at {@code now}, one transaction each; those that fail are reported and left as they are. */
    private Expiry expireOneByOne(Instant now, int batchSize) {
        List<AwardId> due = transactions.run(() -> awards.lockExpired(now, batchSize).stream().map(Award::id).toList());
        int expired = 0;
        List<String> failures = new ArrayList<>();
        for (AwardId id : due) {
            try {
                if (transactions.run(() -> expireOne(id, now))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                failures.add(id + ": " + e);
            }
        }
        return new Expiry(expired, failures);
    }

    /** Expires one award if it is still unclaimed and due (another instance may have got there first). */
    private boolean expireOne(AwardId id, Instant now) {
        Optional<Award> award = awards.lock(id).filter(found -> EXPIRABLE.contains(found.status()))
                .filter(found -> found.isExpiredAt(now));
        award.ifPresent(found -> end(found, AwardStatus.EXPIRED, now));
        return award.isPresent();
    }

    private int expireTogether(Instant now, int batchSize) {
        List<Award> due = awards.lockExpired(now, batchSize);
        // Partners, then moments, in one order in every batch: a batch locks one partner's spending before its
        // budgets (the lock order of docs/architecture.md), so two batches never wait for each other in a circle.
        PartnerId locked = null;
        for (Award award : due.stream().sorted(Comparator.comparing((Award a) -> a.partnerId().value())
                .thenComparing(a -> a.momentId().value())).toList()) {
            if (!award.partnerId().equals(locked)) {
                // before any of its budgets: a give-back for an earlier month does not touch the partner's row, so
                // without this a later give-back would take it after a budget, against the lock order
                spending.lock(award.partnerId());
                locked = award.partnerId();
            }
            end(award, AwardStatus.EXPIRED, now);
        }
        return due.size();
    }

    private Award end(Award award, AwardStatus status, Instant now) {
        Award ended = award.moveTo(status, now);
        String reason = status == AwardStatus.CANCELLED ? "cancelled by the partner" : "not claimed in time";
        if (!awards.updateStatus(ended, award.status(), reason)) {
            throw new ConcurrentWriteException("award " + award.id() + " changed meanwhile", null);
        }
        Moment before = moments.find(award.partnerId(), award.momentId()).orElseThrow();
        if (award.reserved().isPositive()) {
            // the partner's spending before the budget, as when paying (lock order)
            spending.giveBack(award.partnerId(), award.reserved(), SpendingMonth.of(award.earnedAt()));
            ledger.release(award.momentId(), award.id(), award.reserved(),
                    LocalDate.ofInstant(award.earnedAt(), before.schedule().timezone()), now);
            // Read again after the release, which waited for the budget row: an award that took the last money
            // may have made the moment EXHAUSTED meanwhile, and this release is what makes it LIVE again.
            follower.follow(award.partnerId(), award.momentId(), now);
        }
        return ended;
    }
}
