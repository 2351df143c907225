package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import java.util.Objects;
import java.util.Set;

/**
 * What a partner says to add a reward; amounts and codes are still text, parsed by the use case so every error
 * names its field.
 */
public record CreateRewardCommand(
        PartnerId partnerId,
        String name,
        String kind,
        String cost,
        String currency,
        Set<String> countries,
        String provider,
        String description,
        String imageUrl) {

    public CreateRewardCommand {
        Objects.requireNonNull(partnerId, "partnerId");
    }
}
