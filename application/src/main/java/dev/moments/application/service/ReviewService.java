package dev.moments.application.service;

import dev.moments.application.port.AuditEntry;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import dev.moments.application.port.out.AuditLog;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.InvalidAwardTransitionException;
import dev.moments.domain.events.AwardEarned;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides on awards waiting for review, by hand or, past their moment's wait, by the job. */
public final class ReviewService implements ReviewAwardsUseCase {

    /** The longest reason a rejection keeps. */
    public static final int MAX_REASON_LENGTH = 500;

    /** The reason the job gives. */
    static final String NOT_REVIEWED_IN_TIME = "not reviewed in time";

    private final AwardRepository awards;
    private final AwardEndings endings;
    private final DomainEventOutbox outbox;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public ReviewService(AwardRepository awards, AwardEndings endings, DomainEventOutbox outbox, AuditLog audit,
                         IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.awards = awards;
        this.endings = endings;
        this.outbox = outbox;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Page<AwardView> pending(PartnerId partnerId, PageRequest page) {
        return transactions.run(() -> awards.pendingReview(partnerId, page))
                .map(award -> new AwardView(award, Optional.empty(), null));
    }

    @Override
    public AwardView approve(PartnerId partnerId, AwardId awardId, String actor) {
        return transactions.run(() -> {
            Instant now = clock.now();
            Award award = waiting(partnerId, awardId, AwardStatus.EARNED);
            if (award.isExpiredAt(now)) {
                // its link is dead: the expiry job ends it and gives its money back; nobody is told of an award
                throw new InvalidAwardTransitionException(AwardStatus.EXPIRED, AwardStatus.EARNED);
            }
            Award approved = award.moveTo(AwardStatus.EARNED, now);
            if (!awards.updateStatus(approved, AwardStatus.PENDING_REVIEW, "approved by " + actor)) {
                throw new ConcurrentWriteException("award " + awardId + " changed meanwhile", null);
            }
            outbox.raise(new AwardEarned(approved, now, awards.notifiesByEmail(awardId)), ids);
            record(partnerId, now, actor, "review.approved", awardId, null);
            return new AwardView(approved, Optional.empty(), null);
        });
    }

    @Override
    public AwardView reject(PartnerId partnerId, AwardId awardId, String reason, String actor) {
        String why = Text.name("reason", reason, MAX_REASON_LENGTH);
        return transactions.run(() -> {
            Instant now = clock.now();
            Award rejected = endings.end(waiting(partnerId, awardId, AwardStatus.CANCELLED), AwardStatus.CANCELLED,
                    now, "rejected: " + why);
            record(partnerId, now, actor, "review.rejected", awardId, why);
            return new AwardView(rejected, Optional.empty(), null);
        });
    }

    /**
     * A batch in one transaction — or, if that fails, one award per transaction, so that one award that cannot be
     * rejected does not hold back the others (it is left as it is, and tried again by the next run).
     */
    @Override
    public int rejectDue(int batchSize) {
        Instant now = clock.now();
        try {
            return transactions.run(() -> {
                List<Award> due = awards.lockReviewsDue(now, batchSize);
                due.forEach(award -> rejectLate(award, now));
                return due.size();
            });
        } catch (RuntimeException batchFailed) {
            List<AwardId> due = transactions.run(() -> awards.lockReviewsDue(now, batchSize).stream()
                    .map(Award::id).toList());
            int rejected = 0;
            for (AwardId id : due) {
                try {
                    rejected += transactions.run(() -> awards.lock(id)
                            .filter(award -> award.status() == AwardStatus.PENDING_REVIEW)
                            .map(award -> {
                                rejectLate(award, now);
                                return 1;
                            }).orElse(0));
                } catch (RuntimeException oneFailed) {
                    // left waiting; the next run tries again
                }
            }
            return rejected;
        }
    }

    private void rejectLate(Award award, Instant now) {
        endings.end(award, AwardStatus.CANCELLED, now, NOT_REVIEWED_IN_TIME);
        record(award.partnerId(), now, AuditEntry.SYSTEM, "review.rejected", award.id(), NOT_REVIEWED_IN_TIME);
    }

    /** The partner's award, if it waits for review; else the refusal of moving it to {@code target}. */
    private Award waiting(PartnerId partnerId, AwardId awardId, AwardStatus target) {
        Award award = awards.find(partnerId, awardId).orElseThrow(() -> new NotFoundException("award", awardId));
        if (award.status() != AwardStatus.PENDING_REVIEW) {
            throw new InvalidAwardTransitionException(award.status(), target);
        }
        return award;
    }

    private void record(PartnerId partnerId, Instant now, String actor, String action, AwardId awardId,
                        String detail) {
        audit.append(new AuditEntry(ids.next(AuditEntry.PREFIX), partnerId, now, actor, action, awardId.value(),
                detail));
    }
}
