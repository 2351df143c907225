package dev.moments.adapter.rest.json;

import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;

/** The commands of the core that the JSON bodies of events, rewards and claims stand for. */
public final class Commands {

    private Commands() {
    }

    /** {@code POST /v1/events} (and each event of a batch). */
    public static RecordEventCommand event(PartnerId partner, Requests.Event body) {
        return new RecordEventCommand(partner, body.id(), body.type(), body.userId(), body.deviceId(),
                body.occurredAt(), body.properties(), context(body.context()), body.user(),
                body.notifications() == null || !Boolean.FALSE.equals(body.notifications().email()));
    }

    /** Where an event happened, or {@code null} when the body says nothing of it. */
    public static EventContext context(Requests.Context context) {
        return context == null ? null : new EventContext(context.country(), context.platform(), context.ip(),
                Boolean.TRUE.equals(context.testUser()));
    }

    /** {@code POST /v1/rewards}. */
    public static CreateRewardCommand reward(PartnerId partner, Requests.CreateReward body) {
        return new CreateRewardCommand(partner, body.name(), body.kind(), body.cost(), body.currency(),
                TextSets.of(body.countries(), "countries"),
                body.fulfillment() == null ? null : body.fulfillment().provider(), body.description(),
                body.imageUrl());
    }

    /** {@code POST /api/redeem/{token}/claim}: the reward chosen, where it goes, the user's e-mail. */
    public static RedeemUseCase.Claim claim(Requests.Claim body) {
        if (body.rewardId() == null || body.rewardId().isBlank()) {
            throw new InvalidValueException("rewardId", "rewardId is required");
        }
        Requests.Shipping s = body.shipping();
        ShippingAddress shipping = s == null ? null : new ShippingAddress(s.name(), s.line1(), s.line2(), s.city(),
                s.region(), s.postalCode(), s.country());
        return new RedeemUseCase.Claim(new RewardId(body.rewardId()), shipping, body.email());
    }
}
