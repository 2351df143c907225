package dev.moments.domain.reward;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Countries;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import dev.moments.domain.shared.WebAddress;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An item of a partner's reward catalog that a user can pick after earning a moment.
 *
 * @param cost what the partner pays when a user claims it; never more than the moments offering it pay per action
 * @param countries where it can be delivered (ISO-3166 alpha-2); empty means everywhere
 * @param description optional text shown on the redemption page
 * @param imageUrl optional picture shown on the redemption page
 */
public record Reward(
        RewardId id,
        PartnerId partnerId,
        String name,
        RewardKind kind,
        Money cost,
        Set<String> countries,
        FulfillmentProvider provider,
        String description,
        String imageUrl,
        Instant createdAt) {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest description accepted. */
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    public Reward {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Text.name("name", name, MAX_NAME_LENGTH);
        if (kind == null) {
            throw new InvalidValueException("kind", "kind is required");
        }
        if (cost == null) {
            throw new InvalidValueException("cost", "cost is required");
        }
        if (cost.isNegative()) {
            throw new InvalidValueException("cost", "cost must not be negative");
        }
        if (provider == null) {
            throw new InvalidValueException("fulfillment.provider", "fulfillment.provider is required");
        }
        countries = Countries.codes("countries", countries);
        description = Text.prose("description", description, MAX_DESCRIPTION_LENGTH);
        imageUrl = WebAddress.optional("imageUrl", imageUrl);
    }

    /** Whether it can be delivered to a user in {@code country} ({@code null}: unknown, allowed). */
    public boolean isAvailableIn(String country) {
        return countries.isEmpty() || country == null || countries.contains(country);
    }
}
