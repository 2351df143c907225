package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Result;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.FulfillmentGateway.Order;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The submission of the deliveries a gateway accepted as PENDING: outside any transaction, so no lock is held while a
 * provider answers, and its answer applied like a report ({@link Deliveries}); a retryable failure is tried again
 * later, with a doubling wait, until {@link #MAX_ATTEMPTS}.
 */
public final class DeliverySubmissions {

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

    private final AwardRepository awards;
    private final RewardRepository rewards;
    private final ClaimRepository claims;
    private final Deliveries deliveries;
    private final FulfillmentGateways gateways;
    private final Clock clock;
    private final Transactions transactions;
    private final Duration firstRetryDelay;

    public DeliverySubmissions(AwardRepository awards, RewardRepository rewards, ClaimRepository claims,
                               Deliveries deliveries, FulfillmentGateways gateways, Clock clock,
                               TransactionRunner transactions) {
        this(awards, rewards, claims, deliveries, gateways, clock, transactions, FIRST_RETRY_DELAY);
    }

    /** @param firstRetryDelay the wait before the first retry of a delivery; it doubles after each failed one */
    public DeliverySubmissions(AwardRepository awards, RewardRepository rewards, ClaimRepository claims,
                               Deliveries deliveries, FulfillmentGateways gateways, Clock clock,
                               TransactionRunner transactions, Duration firstRetryDelay) {
        this.awards = awards;
        this.rewards = rewards;
        this.claims = claims;
        this.deliveries = deliveries;
        this.gateways = gateways;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
        this.firstRetryDelay = Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
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

    /**
     * Submits a pending delivery to its provider's gateway, outside any transaction, and applies the answer.
     *
     * @param claimsLease whether this is the claim's own submission, which first checks and renews the claim's lease
     *                    (see {@link #submitClaimed}); the retry job took its lease when it locked the delivery
     */
    void submit(AwardId awardId, boolean claimsLease) {
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
            return new Due(claim.provider(), Order.of(award, reward, claim.shipping(), claim.email(),
                    claim.attempts() + 1));
        });
        if (due == null) {
            return;
        }
        Submission submission;
        try {
            submission = gateways.of(due.provider()).submit(due.order());
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
            case SUBMITTED -> deliveries.apply(award, counted, FulfillmentStatus.SUBMITTED,
                    submission.reference(), null, null, now);
            case FULFILLED -> deliveries.apply(award, counted, FulfillmentStatus.FULFILLED, submission.reference(),
                    submission.code(), null, now);
            case PERMANENT_FAILURE -> deliveries.apply(award, counted, FulfillmentStatus.FAILED,
                    submission.reference(), null, submission.reason(), now);
            case RETRYABLE_FAILURE -> {
                if (counted.attempts() >= MAX_ATTEMPTS) {
                    yield deliveries.apply(award, counted, FulfillmentStatus.FAILED, null, null, "gave up after "
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
}
