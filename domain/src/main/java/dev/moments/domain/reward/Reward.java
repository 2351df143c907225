package dev.moments.domain.reward;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
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

    public Reward {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "name is required");
        }
        if (name.length() > 200) {
            throw new InvalidValueException("name", "name is longer than 200 characters");
        }
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
        countries = Set.copyOf(countries == null ? Set.of() : countries);
        for (String country : countries) {
            if (country == null || !country.matches("[A-Z]{2}")) {
                throw new InvalidValueException("countries", "countries are ISO-3166 alpha-2 codes such as US, got " + country);
            }
        }
    }

    /** Whether it can be delivered to a user in {@code country} ({@code null}: unknown, allowed). */
    public boolean isAvailableIn(String country) {
        return countries.isEmpty() || country == null || countries.contains(country);
    }
}
