package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Claimed;
import dev.moments.application.port.in.RedeemUseCase.State;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Decision;
import dev.moments.application.port.out.FulfillmentGateway.Order;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.events.AwardClaimed;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.Instant;

/**
 * The claim of one award, in one transaction: it locks the award's row ({@code select … for update} by the token's
 * digest), checks the award and the reward, takes the partner's lock and the budget's, lets the reward's provider
 * accept the order ({@link FulfillmentGateway#accept}: a pooled code is taken there, so the lock order of
 * docs/architecture.md — award row, partner, budget, code rows, moment — holds), settles the reservation at the
 * reward's cost, moves the award as the provider's answer says and stores the claim with its delivery.
 */
public final class Claiming {

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final ClaimRepository claims;
    private final AwardMoney money;
    private final FulfillmentGateways gateways;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;

    public Claiming(AwardRepository awards, MomentRepository moments, RewardRepository rewards, ClaimRepository claims,
                    AwardMoney money, FulfillmentGateways gateways, DomainEventOutbox outbox, IdGenerator ids) {
        this.awards = awards;
        this.moments = moments;
        this.rewards = rewards;
        this.claims = claims;
        this.money = money;
        this.gateways = gateways;
        this.outbox = outbox;
        this.ids = ids;
    }

    /** Claims the award of the token {@code digest} in the caller's transaction. */
    Claimed claim(String digest, Claim claim, String email, Instant now) {
        Award award = awards.lockByTokenDigest(digest).orElseThrow(RedeemService::unknown);
        refuseIfNotClaimable(award, now);
        Moment moment = moments.find(award.partnerId(), award.momentId()).orElseThrow();
        if (!moment.rewardsOf(award.variant()).contains(claim.rewardId())) {
            throw new RedemptionRefusedException(Reason.NOT_AN_OPTION, "reward " + claim.rewardId()
                    + " is not offered by this award");
        }
        Reward reward = rewards.find(award.partnerId(), claim.rewardId()).orElseThrow(
                () -> new RedemptionRefusedException(Reason.NOT_AN_OPTION, "reward " + claim.rewardId()
                        + " is not offered by this award"));
        ShippingAddress shipping = claim.shipping();
        if (reward.kind().needsShipping() && shipping == null) {
            throw new InvalidValueException("shipping", "a physical reward needs a shipping address");
        }
        if (!reward.isAvailableIn(shipping == null ? null : shipping.country())) {
            throw new RedemptionRefusedException(Reason.NOT_IN_COUNTRY, "reward " + reward.id()
                    + " cannot be delivered to " + shipping.country());
        }
        FulfillmentProvider provider = providerOf(award, reward);
        Money cost = AwardMoney.chargeOf(award, reward.cost());
        if (award.reserved().isPositive()) {
            money.lock(award);
        }
        // in this transaction, after the budget row and before the moment row (the lock order), and before the claim
        // writes anything of its own: a refusal rolls back what the gateway took, and nothing else was changed
        Acceptance acceptance = gateways.of(provider).accept(Order.of(award, reward, shipping, email, 1),
                now);
        if (acceptance.decision() == Decision.REFUSED) {
            throw refusal(reward, acceptance);
        }
        money.settle(award, moment, cost, now);

        Award claimedAward = move(award, AwardStatus.CLAIMED, now);
        FulfillmentStatus delivery = acceptance.delivery();
        Award after = switch (acceptance.decision()) {
            case FULFILLED -> move(claimedAward, AwardStatus.FULFILLED, now);
            case SUBMITTED -> move(claimedAward, AwardStatus.FULFILLING, now);
            case PENDING -> claimedAward;
            case REFUSED -> throw new IllegalStateException("a refusal was thrown above");
        };
        // a PENDING delivery is hidden from the retry job while the claim's own submission runs (see submitClaimed)
        ClaimRecord record = new ClaimRecord(award.id(), award.partnerId(), reward.id(), provider, shipping, email,
                now, delivery, acceptance.reference(), acceptance.code(), null, 0,
                delivery == FulfillmentStatus.PENDING ? now.plus(DeliverySubmissions.RETRY_LEASE) : null, now);
        claims.insert(record);
        outbox.raise(new AwardClaimed(claimedAward, reward, provider, acceptance.sharesClaim() ? shipping : null,
                acceptance.sharesClaim() ? email : null, now), ids);
        return new Claimed(award.id(), after.status(), Deliveries.view(record, reward));
    }

    private static RedemptionRefusedException refusal(Reward reward, Acceptance refused) {
        Reason reason = switch (refused.refusal()) {
            case OUT_OF_CODES -> Reason.OUT_OF_CODES;
        };
        return new RedemptionRefusedException(reason, refused.reason() != null ? refused.reason()
                : "reward " + reward.id() + " cannot be delivered now");
    }

    /** TEST awards are fulfilled by the sandbox, whatever their reward's provider: nothing real is handed out. */
    static FulfillmentProvider providerOf(Award award, Reward reward) {
        return award.test() ? FulfillmentProvider.SANDBOX : reward.provider();
    }

    private Award move(Award award, AwardStatus target, Instant now) {
        Award moved = award.moveTo(target, now);
        if (!awards.updateStatus(moved, award.status(), null)) {
            throw new ConcurrentWriteException("award " + award.id() + " changed meanwhile", null);
        }
        return moved;
    }

    /** Refuses a claim of an award that is claimed, cancelled, expired or not redeemable yet. */
    private static void refuseIfNotClaimable(Award award, Instant now) {
        State state = RedemptionViews.state(award, now);
        switch (state) {
            case CLAIMED -> throw new RedemptionRefusedException(Reason.ALREADY_CLAIMED, "this award was claimed");
            case CANCELLED -> throw new RedemptionRefusedException(Reason.CANCELLED, "this award was cancelled");
            case EXPIRED -> throw new RedemptionRefusedException(Reason.EXPIRED, "this award has expired");
            case NOT_YET_REDEEMABLE -> throw new RedemptionRefusedException(Reason.NOT_YET_REDEEMABLE,
                    "this award can be claimed from " + award.redeemableAt());
            case OPEN -> {
            }
        }
    }
}
