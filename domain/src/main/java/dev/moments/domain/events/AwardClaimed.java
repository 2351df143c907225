package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import java.time.Instant;
import java.util.Objects;

/**
 * A user claimed an award's reward. The address and e-mail travel with it only when the partner itself delivers
 * (the {@code webhook} provider): nobody else needs them.
 *
 * @param shipping where to deliver, for a partner who delivers; else {@code null}
 * @param email the user's e-mail, for a partner who delivers; else {@code null}
 */
public record AwardClaimed(Award award, Reward reward, FulfillmentProvider provider, ShippingAddress shipping,
                           String email, Instant at) implements AwardEvent {

    public AwardClaimed {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "award.claimed";
    }
}
