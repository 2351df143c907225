package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import java.util.List;
import java.util.Objects;

/** What a partner says to register an endpoint; checked by the use case, which names the field it refuses. */
public record CreateWebhookCommand(PartnerId partnerId, String url, List<String> events, String description) {

    public CreateWebhookCommand {
        Objects.requireNonNull(partnerId, "partnerId");
    }
}
