package dev.moments.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event for one endpoint, with its attempts so far (oldest first).
 *
 * @param attempts attempts counted against the retry schedule (a manual retry starts again from 0); the log keeps
 *                 every attempt ever made
 * @param nextAttemptAt when it is due next; {@code null} once DELIVERED or FAILED
 */
public record WebhookDelivery(String id, WebhookId endpointId, String eventId, String type, DeliveryStatus status,
                              int attempts, Instant nextAttemptAt, Instant createdAt, List<DeliveryAttempt> log) {

    /** The type prefix of every delivery id. */
    public static final String PREFIX = "whd_";

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        log = List.copyOf(log);
    }
}
