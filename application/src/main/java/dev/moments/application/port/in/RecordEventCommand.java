package dev.moments.application.port.in;

import dev.moments.domain.event.EventContext;
import dev.moments.domain.event.EventPayload;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Digests;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An event as a partner reported it. Validates itself: ids and types are single-line text of at most 200 characters,
 * and {@code properties} and {@code user} hold JSON-like values ({@code null}, Boolean, String, BigDecimal, List, Map)
 * within the limits of {@link EventPayload}.
 *
 * @param occurredAt when the user did it, or {@code null} for "now"
 * @param notifyByEmail whether the awards this event completes may be e-mailed ({@code "notify": { "email": false }}
 *                      says no)
 */
public record RecordEventCommand(
        PartnerId partnerId,
        String id,
        String type,
        String userId,
        String deviceId,
        Instant occurredAt,
        Map<String, Object> properties,
        EventContext context,
        Map<String, Object> user,
        boolean notifyByEmail) {

    /** The attribute of {@code user} that names who referred the user: a user id, kept from its first event. */
    public static final String REFERRED_BY = "referredBy";

    /** The longest id, type, user id or device id accepted. */
    public static final int MAX_ID_LENGTH = 200;
    /** The most properties (or user attributes) one event may carry. */
    public static final int MAX_PROPERTIES = 200;

    /** An event that lets its awards be e-mailed (no {@code "notify": { "email": false }}). */
    public RecordEventCommand(PartnerId partnerId, String id, String type, String userId, String deviceId,
                              Instant occurredAt, Map<String, Object> properties, EventContext context,
                              Map<String, Object> user) {
        this(partnerId, id, type, userId, deviceId, occurredAt, properties, context, user, true);
    }

    public RecordEventCommand {
        Objects.requireNonNull(partnerId, "partnerId");
        id = Text.id("id", id, MAX_ID_LENGTH);
        type = Text.id("type", type, MAX_ID_LENGTH);
        userId = Text.id("userId", userId, MAX_ID_LENGTH);
        deviceId = Text.optionalId("deviceId", deviceId, MAX_ID_LENGTH);
        if (occurredAt != null && occurredAt.isBefore(dev.moments.domain.moment.Schedule.EARLIEST)) {
            throw new InvalidValueException("occurredAt", "occurredAt lies before the year 2000");
        }
        properties = properties == null ? Map.of() : properties;
        user = user == null ? Map.of() : user;
        context = context == null ? EventContext.NONE : context;
        if (properties.size() > MAX_PROPERTIES) {
            throw new InvalidValueException("properties", "at most " + MAX_PROPERTIES + " properties");
        }
        if (user.size() > MAX_PROPERTIES) {
            throw new InvalidValueException("user", "at most " + MAX_PROPERTIES + " attributes");
        }
        EventPayload.check(properties, user);
        Object referredBy = user.get(REFERRED_BY);
        if (referredBy != null) {
            if (!(referredBy instanceof String referrer)) {
                throw new InvalidValueException("user." + REFERRED_BY, REFERRED_BY + " is the referrer's user id, a"
                        + " string");
            }
            Text.id("user." + REFERRED_BY, referrer, MAX_ID_LENGTH);
        }
    }

    /**
     * A digest of everything the partner said except the event id: equal for a retry of the same body (whatever
     * its key order or number formatting), different for any other body.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        canonical.append(type).append('\u0000').append(userId).append('\u0000').append(deviceId).append('\u0000')
                .append(occurredAt).append('\u0000');
        appendCanonical(canonical, properties);
        canonical.append('\u0000').append(context.country()).append('|').append(context.platform()).append('|')
                .append(context.ip()).append('|').append(context.testUser()).append('\u0000');
        appendCanonical(canonical, user);
        if (!notifyByEmail) {
            // only then: the fingerprints of events stored before notify existed stay what they were
            canonical.append('\u0000').append("notify.email=false");
        }
        return Digests.sha256Hex(canonical.toString());
    }

    private static void appendCanonical(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((key, item) -> {
                appendCanonical(out, String.valueOf(key));
                out.append(':');
                appendCanonical(out, item);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                appendCanonical(out, item);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof BigDecimal number) {
            out.append('n').append(number.stripTrailingZeros().toPlainString());
        } else if (value instanceof String text) {
            out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            out.append(value);
        }
    }
}
