package dev.moments.domain.event;

import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a user did, as reported by a partner's systems. Triggers are evaluated on {@link #occurredAt()},
 * never on arrival time.
 *
 * <p>{@code properties} and {@code userAttributes} hold JSON-like values only: {@code null}, {@link Boolean},
 * {@link String}, {@link java.math.BigDecimal} (every number), {@link java.util.List} and {@link Map} of those.
 *
 * @param partnerId the partner that reported it
 * @param id the partner's own id of the event, unique per partner
 * @param type the event type, e.g. {@code order.completed}
 * @param userId the partner's id of the user
 * @param deviceId the partner's id of the device, or {@code null}
 * @param occurredAt when the user did it
 * @param properties what the event says, e.g. {@code total}
 * @param context where it happened
 * @param userAttributes what the partner knows of the user, e.g. {@code plan} or {@code segments}
 */
public record UserEvent(
        PartnerId partnerId,
        String id,
        String type,
        String userId,
        String deviceId,
        Instant occurredAt,
        Map<String, Object> properties,
        EventContext context,
        Map<String, Object> userAttributes) {

    public UserEvent {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        properties = properties == null ? Map.of() : properties;
        context = context == null ? EventContext.NONE : context;
        userAttributes = userAttributes == null ? Map.of() : userAttributes;
    }
}
