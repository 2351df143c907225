package dev.moments.application.port.out;

import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as it was received.
 *
 * @param fingerprint a digest of the request body, to tell a retry (same body) from a clash (another body)
 * @param outcome what it led to, or {@code null} before it was evaluated
 */
public record RecordedEvent(
        PartnerId partnerId,
        String eventId,
        String fingerprint,
        String type,
        String userId,
        Instant occurredAt,
        Instant receivedAt,
        EventOutcome outcome) {

    public RecordedEvent {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** This event with what it led to. */
    public RecordedEvent withOutcome(EventOutcome outcome) {
        return new RecordedEvent(partnerId, eventId, fingerprint, type, userId, occurredAt, receivedAt, outcome);
    }
}
