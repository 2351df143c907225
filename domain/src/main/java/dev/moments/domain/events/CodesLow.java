package dev.moments.domain.events;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.CodeStock;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.Objects;

/**
 * A reward's pool of codes has just fallen to {@link CodeStock#LOW_PERCENT_LEFT} percent of the codes ever added:
 * time to upload more.
 *
 * @param name the reward's name, or {@code null} if unknown
 */
public record CodesLow(PartnerId partnerId, RewardId rewardId, String name, long codesAvailable, Instant at)
        implements DomainEvent {

    public CodesLow {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "codes.low";
    }
}
