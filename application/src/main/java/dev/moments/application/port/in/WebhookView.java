package dev.moments.application.port.in;

import dev.moments.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint as its partner sees it: never its secret, which is shown once (see {@link WebhookSecretShown}). */
public record WebhookView(String id, String url, List<String> events, boolean enabled, String description,
                          Instant createdAt, Instant updatedAt) {

    public WebhookView {
        events = List.copyOf(events);
    }

    public static WebhookView of(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.id().value(), endpoint.url(), endpoint.events().stream().sorted().toList(),
                endpoint.enabled(), endpoint.description(), endpoint.createdAt(), endpoint.updatedAt());
    }
}
