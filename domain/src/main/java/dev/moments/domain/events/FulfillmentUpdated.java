package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.Objects;

/**
 * The delivery of a claimed reward changed status (fulfilled, failed, cancelled by the provider).
 *
 * @param reference the provider's reference of the order, or {@code null}
 * @param reason why it failed or was cancelled, or {@code null}
 */
public record FulfillmentUpdated(Award award, RewardId rewardId, FulfillmentProvider provider,
                                 FulfillmentStatus status, String reference, String reason, Instant at)
        implements AwardEvent {

    public FulfillmentUpdated {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "fulfillment.updated";
    }
}
