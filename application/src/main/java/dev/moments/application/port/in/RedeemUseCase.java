package dev.moments.application.port.in;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The user's side of an award, authorised by the redemption token alone: what the link offers, and the claim of one
 * reward. The token is the only secret; an unknown (or malformed) one is answered exactly like a token that never
 * existed.
 */
public interface RedeemUseCase {

    /**
     * What the link shows now; consumes and changes nothing.
     *
     * @throws NotFoundException when no award has this token
     */
    Redemption preview(String token);

    /**
     * Claims one of the offered rewards: settles the budget at the reward's cost (releasing the rest of the
     * reservation) and hands the reward to its provider, all in one transaction with the award's move to CLAIMED.
     * A pooled code is assigned in that transaction; a provider over HTTP is called after it commits, in the
     * background: such a claim answers CLAIMED with its delivery PENDING at once, never a provider's failure.
     *
     * @throws NotFoundException when no award has this token
     * @throws RedemptionRefusedException when the award cannot be claimed (already claimed, not yet redeemable,
     *                                    expired, cancelled) or the reward cannot be had (not offered, not available
     *                                    in the user's country, no code left)
     * @throws dev.moments.domain.shared.InvalidValueException when the claim is malformed (a physical reward without
     *                                                         a shipping address, a bad e-mail address)
     */
    Claimed claim(String token, Claim claim);

    /** A claim: the reward picked, the address for a physical one, and an optional e-mail address. */
    record Claim(RewardId rewardId, ShippingAddress shipping, String email) {
    }

    /** Where a link stands, from the user's side. */
    enum State {
        /** Redeemable now: the user may pick a reward. */
        OPEN,
        /** Earned, but the link works only from {@link Redemption#redeemableAt()}. */
        NOT_YET_REDEEMABLE,
        /** A reward was claimed; {@link Redemption#delivery()} says how its delivery goes. */
        CLAIMED,
        /** Not claimed in time. */
        EXPIRED,
        /** Withdrawn by the partner. */
        CANCELLED
    }

    /**
     * Everything a redemption page needs.
     *
     * @param announcement the moment's message to the user, or {@code null}
     * @param confirmation the moment's message after a claim, or {@code null}
     * @param options the moment's rewards, each with whether the user can have it now
     * @param delivery the claimed reward's delivery, when {@link State#CLAIMED}
     * @param branding how the partner's pages look, or {@code null} when it set no branding
     */
    record Redemption(AwardId awardId, State state, AwardStatus status, Instant redeemableAt, Instant expiresAt,
                      String announcement, String confirmation, List<Option> options, Delivery delivery,
                      Branding branding) {

        public Redemption {
            Objects.requireNonNull(awardId, "awardId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(status, "status");
            options = List.copyOf(options);
        }
    }

    /**
     * One reward a user may pick.
     *
     * @param available whether it can be claimed now
     * @param unavailableReason why not, when not: {@code NOT_IN_COUNTRY}, {@code OUT_OF_CODES}
     */
    record Option(RewardId rewardId, String name, RewardKind kind, Money cost, String description, String imageUrl,
                  boolean available, String unavailableReason) {
    }

    /**
     * The delivery of a claimed reward.
     *
     * @param code what the user redeems, for codes, once delivered
     * @param reason why it failed, when it did
     */
    record Delivery(RewardId rewardId, String rewardName, RewardKind kind, FulfillmentStatus status, String code,
                    String reason, Instant claimedAt) {
    }

    /** The answer to a claim: the award's status after it, and the code when one was handed out at once. */
    record Claimed(AwardId awardId, AwardStatus status, Delivery delivery) {
    }
}
