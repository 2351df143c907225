package dev.moments.application.service;

import dev.moments.application.port.in.ExpireAwardsUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expiry job: awards nobody claimed in time end EXPIRED and give their reservations back, a batch in one
 * transaction — or, if that fails, one award per transaction so that one bad award does not hold back the others.
 */
public final class ExpireAwardsService implements ExpireAwardsUseCase {

    /** The statuses an award expires from (those {@link AwardRepository#lockExpired} finds). */
    private static final Set<AwardStatus> EXPIRABLE = EnumSet.of(AwardStatus.EARNED, AwardStatus.PENDING_REVIEW);

    private final AwardRepository awards;
    private final PartnerSpending spending;
    private final AwardEndings endings;
    private final Clock clock;
    private final Transactions transactions;

    public ExpireAwardsService(AwardRepository awards, PartnerSpending spending, AwardEndings endings, Clock clock,
                               TransactionRunner transactions) {
        this.awards = awards;
        this.spending = spending;
        this.endings = endings;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
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
        award.ifPresent(found -> endings.end(found, AwardStatus.EXPIRED, now));
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
            endings.end(award, AwardStatus.EXPIRED, now);
        }
        return due.size();
    }
}
