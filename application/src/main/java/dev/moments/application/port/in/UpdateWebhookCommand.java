package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.WebhookId;
import java.util.List;
import java.util.Objects;

/** A partial change of an endpoint: each {@code null} field stays as it is. */
public record UpdateWebhookCommand(PartnerId partnerId, WebhookId id, String url, List<String> events,
                                   Boolean enabled, String description) {

    public UpdateWebhookCommand {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(id, "id");
    }
}
