package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Result;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.events.FulfillmentUpdated;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.reward.Reward;
import java.time.Instant;

/**
 * The deliveries of claimed rewards as they progress, whoever reports it — the partner, the provider's callback or
 * the answer to a submission — in the caller's transaction, which holds the award's row lock.
 *
 * <p>A delivery that fails for good (FAILED, or CANCELLED by the provider) fails the award and refunds the settled cost
 * to the budget and the partner's month, in the transaction that records it.
 */
public final class Deliveries {

    static final String CANCELLED_BY_PROVIDER = "cancelled by provider";

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final ClaimRepository claims;
    private final AwardMoney money;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;

    public Deliveries(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                      ClaimRepository claims, AwardMoney money, DomainEventOutbox outbox, IdGenerator ids) {
        this.awards = awards;
        this.moments = moments;
        this.rewards = rewards;
        this.claims = claims;
        this.money = money;
        this.outbox = outbox;
        this.ids = ids;
    }

    /**
     * Moves a delivery to {@code target} and its award along: SUBMITTED → FULFILLING, FULFILLED → FULFILLED, FAILED
     * and CANCELLED → FAILED with a refund. The same status again changes nothing; nor does a move away from a final
     * status.
     */
    Result apply(Award award, ClaimRecord claim, FulfillmentStatus target, String reference, String code,
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
                    money.refund(award, moment, AwardMoney.chargeOf(award, reward.cost()), now);
                }
            }
            case PENDING -> {
            }
        }
        outbox.raise(new FulfillmentUpdated(award, changed.rewardId(), changed.provider(), changed.status(),
                changed.reference(), changed.reason(), now), ids);
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

    /** A claim's delivery as the user and the partner see it. */
    static Delivery view(ClaimRecord claim, Reward reward) {
        return new Delivery(claim.rewardId(), reward == null ? null : reward.name(),
                reward == null ? null : reward.kind(), claim.status(), claim.code(),
                claim.status() == FulfillmentStatus.PENDING ? null : claim.reason(), claim.claimedAt());
    }
}
