package dev.moments.application.service;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.NotReportableException;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.application.port.in.RetryFulfillmentsUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.application.port.out.FulfillmentGateway.Order;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deliveries of claimed rewards: the gateway of each provider, what providers and partners report
 * ({@link ReportFulfillmentUseCase}, idempotent by status), and the submission of the deliveries a gateway accepted as
 * PENDING (outside any transaction, its answer applied like a report) with its retries.
 *
 * <p>A delivery that fails for good (FAILED, or CANCELLED by the provider) fails the award and refunds the settled cost
 * to the budget and the partner's month, in the transaction that records it.
 */
public final class FulfillmentService implements ReportFulfillmentUseCase, RetryFulfillmentsUseCase {

    /** Submissions of one delivery before it is given up as FAILED. */
    static final int MAX_ATTEMPTS = 8;
    /** The wait after the first retryable failure, doubled after each one. */
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(30);
    /** The longest wait between two submissions. */
    static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    /**
     * How long a delivery being submitted is hidden from the retry job (on every instance): from the claim, for the
     * claim's own submission in the background, and from the moment the retry job picked it.
     */
    static final Duration RETRY_LEASE = Duration.ofMinutes(2);
    /**
     * The claim's own submission goes ahead only while at least this much of the claim's lease is left; a task that
     * waited longer in the queue leaves the delivery to the retry job.
     */
    static final Duration LEASE_LEFT_TO_SUBMIT = RETRY_LEASE.dividedBy(2);

    static final String CANCELLED_BY_PROVIDER = "cancelled by provider";

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final ClaimRepository claims;
    private final DomainEventOutbox outbox;
    private final ClaimMoney money;
    private final Map<FulfillmentProvider, FulfillmentGateway> gateways;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;
    private final Duration firstRetryDelay;

    public FulfillmentService(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                              ClaimRepository claims, BudgetLedger ledger, PartnerSpending spending,
                              ListeningMoments listening, DomainEventOutbox outbox,
                              Collection<FulfillmentGateway> gateways, IdGenerator ids, Clock clock,
                              TransactionRunner transactions) {
        this(awards, moments, rewards, claims, ledger, spending, listening, outbox, gateways, ids, clock, transactions,
                FIRST_RETRY_DELAY);
    }

    /** @param firstRetryDelay the wait before the first retry of a delivery; it doubles after each failed one */
    public FulfillmentService(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                              ClaimRepository claims, BudgetLedger ledger, PartnerSpending spending,
                              ListeningMoments listening, DomainEventOutbox outbox,
                              Collection<FulfillmentGateway> gateways, IdGenerator ids, Clock clock,
                              TransactionRunner transactions, Duration firstRetryDelay) {
        this.firstRetryDelay = java.util.Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        this.awards = awards;
        this.moments = moments;
        this.rewards = rewards;
        this.claims = claims;
        this.outbox = outbox;
        this.money = new ClaimMoney(moments, ledger, spending, listening);
        Map<FulfillmentProvider, FulfillmentGateway> byProvider = new EnumMap<>(FulfillmentProvider.class);
        for (FulfillmentGateway gateway : gateways) {
            byProvider.put(gateway.provider(), gateway);
        }
        this.gateways = Map.copyOf(byProvider);
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    ClaimMoney money() {
        return money;
    }

    /** The providers a reward may name: those with a gateway. */
    public Set<FulfillmentProvider> supportedProviders() {
        return gateways.isEmpty() ? Set.of() : Set.copyOf(java.util.EnumSet.copyOf(gateways.keySet()));
    }

    /**
     * The gateway of {@code provider}. A provider without one (a reward created by a build that had it) accepts every
     * claim as PENDING and fails its submission for good, so such an award ends FAILED and refunded rather than
     * waiting forever.
     */
    FulfillmentGateway gateway(FulfillmentProvider provider) {
        FulfillmentGateway gateway = gateways.get(provider);
        return gateway != null ? gateway : new MissingGateway(provider);
    }

    /** The order of one claimed award, as its {@code attempt}-th submission carries it. */
    static Order order(Award award, Reward reward, ShippingAddress shipping, String email, int attempt) {
        return new Order(award.id(), award.partnerId(), award.userId(), reward.id(), reward.name(), reward.kind(),
                reward.cost(), shipping, email, attempt);
    }

    @Override
    public Result report(Report report) {
        return transactions.run(() -> {
            Award award = awards.lock(report.awardId())
                    .filter(found -> report.partnerId() == null || found.partnerId().equals(report.partnerId()))
                    .orElseThrow(() -> new NotFoundException("award", report.awardId()));
            Optional<ClaimRecord> claim = claims.find(award.id());
            if (report.partnerId() != null) {
                ClaimRecord found = claim.orElseThrow(() -> new NotReportableException("award " + award.id()
                        + " is not claimed"));
                if (found.provider() != FulfillmentProvider.WEBHOOK) {
                    throw new NotReportableException("award " + award.id() + " is delivered by the "
                            + found.provider().apiName() + " provider, not reported by the partner");
                }
            } else if (claim.isEmpty() || claim.get().provider() != FulfillmentProvider.HTTP) {
                return Result.IGNORED;
            }
            if (report.status() == FulfillmentStatus.PENDING) {
                return claim.get().status() == FulfillmentStatus.PENDING ? Result.DUPLICATE : Result.IGNORED;
            }
            return apply(award, claim.get(), report.status(), report.reference(), report.code(), report.reason(),
                    clock.now());
        });
    }

    /**
     * Moves a delivery to {@code target} and its award along: SUBMITTED → FULFILLING, FULFILLED → FULFILLED, FAILED
     * and CANCELLED → FAILED with a refund. The same status again changes nothing; nor does a move away from a final
     * status.
     */
    private Result apply(Award award, ClaimRecord claim, FulfillmentStatus target, String reference, String code,
                         String reason, Instant now) {
        FulfillmentStatus current = claim.status();
        if (current == target) {
            return Result.DUPLICATE;
        }
        if (!current.canMoveTo(target)) {
            return Result.IGNORED;
        }
        String deliveryReason = switch (target) {
            case FAILED -> reason == null ? "failed" : reason;
            case CANCELLED -> reason == null ? CANCELLED_BY_PROVIDER : reason;
            default -> null;
        };
        ClaimRecord changed = claim.deliver(target, reference, code, deliveryReason, now);
        if (!claims.updateDelivery(changed, current)) {
            throw new ConcurrentWriteException("the delivery of award " + award.id() + " changed meanwhile", null);
        }
        switch (target) {
            case SUBMITTED -> move(award, AwardStatus.FULFILLING, null, now);
            case FULFILLED -> move(award, AwardStatus.FULFILLED, null, now);
            case FAILED, CANCELLED -> {
                String why = target == FulfillmentStatus.CANCELLED
                        ? (reason == null ? CANCELLED_BY_PROVIDER : CANCELLED_BY_PROVIDER + ": " + reason)
                        : deliveryReason;
                if (move(award, AwardStatus.FAILED, why, now)) {
                    Moment moment = moments.find(award.partnerId(), award.momentId()).orElseThrow();
                    Reward reward = rewards.find(award.partnerId(), claim.rewardId()).orElseThrow();
                    money.refund(award, moment, ClaimMoney.chargeOf(award, reward.cost()), now);
                }
            }
            case PENDING -> {
            }
        }
        outbox.append(updatedEvent(award, changed, now));
        return Result.APPLIED;
    }

    /** Moves the award if it is not there yet and may go there; answers whether it moved. */
    private boolean move(Award award, AwardStatus target, String reason, Instant now) {
        if (award.status() == target || !award.status().canMoveTo(target)) {
            return false;
        }
        if (!awards.updateStatus(award.moveTo(target, now), award.status(), reason)) {
            throw new ConcurrentWriteException("award " + award.id() + " changed meanwhile", null);
        }
        return true;
    }

    /**
     * The claim's own submission of a delivery its gateway accepted as PENDING, run in the background once the claim
     * committed. The claim hid the delivery from the retry job for {@link #RETRY_LEASE}: this goes ahead only while at
     * least {@link #LEASE_LEFT_TO_SUBMIT} of that lease is left — so the retry job cannot have taken the delivery —
     * and renews the lease to a full {@link #RETRY_LEASE} from now, as the retry job does for the deliveries it takes.
     * A task that waited longer in the queue does nothing: the retry job submits the delivery once the lease is over.
     * So the claim's submission and the retry job never submit one delivery at the same time.
     */
    void submitClaimed(AwardId awardId) {
        submit(awardId, true);
    }

    @Override
    public int retryDue(int batchSize) {
        List<AwardId> due = transactions.run(() -> {
            Instant now = clock.now();
            List<ClaimRecord> locked = new java.util.ArrayList<>();
            for (FulfillmentProvider provider : FulfillmentProvider.values()) {
                if (locked.size() < batchSize) {
                    locked.addAll(claims.lockDue(provider, now, batchSize - locked.size()));
                }
            }
            for (ClaimRecord claim : locked) {
                // hidden from the other instances while this one submits it, outside the transaction
                claims.updateDelivery(claim.retryAt(now.plus(RETRY_LEASE), claim.reason(), now),
                        FulfillmentStatus.PENDING);
            }
            return locked.stream().map(ClaimRecord::awardId).toList();
        });
        due.forEach(awardId -> submit(awardId, false));
        return due.size();
    }

    /**
     * Submits a pending delivery to its provider's gateway, outside any transaction, and applies the answer.
     *
     * @param claimsLease whether this is the claim's own submission, which first checks and renews the claim's lease
     *                    (see {@link #submitClaimed}); the retry job took its lease when it locked the delivery
     */
    private void submit(AwardId awardId, boolean claimsLease) {
        Due due = transactions.run(() -> {
            ClaimRecord claim = claims.find(awardId).orElseThrow();
            if (claim.status() != FulfillmentStatus.PENDING) {
                return null;
            }
            if (claimsLease) {
                Instant now = clock.now();
                if (claim.attempts() > 0 || claim.nextAttemptAt() == null
                        || now.plus(LEASE_LEFT_TO_SUBMIT).isAfter(claim.nextAttemptAt())) {
                    return null;
                }
                if (!claims.updateDelivery(claim.retryAt(now.plus(RETRY_LEASE), claim.reason(), now),
                        FulfillmentStatus.PENDING)) {
                    throw new ConcurrentWriteException("the delivery of award " + awardId + " changed meanwhile",
                            null);
                }
            }
            Award award = awards.find(claim.partnerId(), awardId).orElseThrow();
            Reward reward = rewards.find(claim.partnerId(), claim.rewardId()).orElseThrow();
            return new Due(claim.provider(), order(award, reward, claim.shipping(), claim.email(),
                    claim.attempts() + 1));
        });
        if (due == null) {
            return;
        }
        Submission submission;
        try {
            submission = gateway(due.provider()).submit(due.order());
        } catch (RuntimeException e) {
            submission = Submission.retryable("the provider's gateway failed: " + e.getClass().getSimpleName());
        }
        Submission answer = submission;
        transactions.run(() -> applySubmission(awardId, due.order().attempt(), answer));
    }

    /** An order to submit, and the provider to submit it to. */
    private record Due(FulfillmentProvider provider, Order order) {
    }

    private Result applySubmission(AwardId awardId, int attempt, Submission submission) {
        Instant now = clock.now();
        Award award = awards.lock(awardId).orElseThrow();
        ClaimRecord claim = claims.find(awardId).orElseThrow();
        if (claim.status() != FulfillmentStatus.PENDING) {
            // a callback got there first; the submission only confirms or is overtaken
            return Result.IGNORED;
        }
        ClaimRecord counted = claim.withAttempts(Math.max(claim.attempts(), attempt));
        return switch (submission.outcome()) {
            case SUBMITTED -> apply(award, counted, FulfillmentStatus.SUBMITTED, submission.reference(), null, null,
                    now);
            case FULFILLED -> apply(award, counted, FulfillmentStatus.FULFILLED, submission.reference(),
                    submission.code(), null, now);
            case PERMANENT_FAILURE -> apply(award, counted, FulfillmentStatus.FAILED, submission.reference(), null,
                    submission.reason(), now);
            case RETRYABLE_FAILURE -> {
                if (counted.attempts() >= MAX_ATTEMPTS) {
                    yield apply(award, counted, FulfillmentStatus.FAILED, null, null, "gave up after "
                            + counted.attempts() + " attempts: " + submission.reason(), now);
                }
                if (!claims.updateDelivery(counted.retryAt(now.plus(retryDelay(firstRetryDelay, counted.attempts())),
                        submission.reason(), now), FulfillmentStatus.PENDING)) {
                    throw new ConcurrentWriteException("the delivery of award " + awardId + " changed meanwhile",
                            null);
                }
                yield Result.APPLIED;
            }
        };
    }

    /** The wait before the next submission after {@code attempts} failed ones: doubling, capped. */
    static Duration retryDelay(int attempts) {
        return retryDelay(FIRST_RETRY_DELAY, attempts);
    }

    static Duration retryDelay(Duration first, int attempts) {
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(MAX_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /** A claim's delivery as the user and the partner see it. */
    static Delivery delivery(ClaimRecord claim, Reward reward) {
        return new Delivery(claim.rewardId(), reward == null ? null : reward.name(),
                reward == null ? null : reward.kind(), claim.status(), claim.code(),
                claim.status() == FulfillmentStatus.PENDING ? null : claim.reason(), claim.claimedAt());
    }

    private OutboxEvent updatedEvent(Award award, ClaimRecord claim, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("awardId", award.id().value());
        data.put("momentId", award.momentId().value());
        data.put("rewardId", claim.rewardId().value());
        data.put("provider", claim.provider().apiName());
        data.put("status", claim.status().name());
        if (claim.reference() != null) {
            data.put("reference", claim.reference());
        }
        if (claim.reason() != null) {
            data.put("reason", claim.reason());
        }
        return new OutboxEvent(ids.next("whe_"), award.partnerId(), "fulfillment.updated", data, now);
    }
}
