package dev.moments.domain.points;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Points a user earns for an event of a type, when {@code where} (CEL, as a trigger's) holds: {@code points} is a CEL
 * expression giving a whole number for the event ({@code 10}, {@code event.minutes / 10}). No money moves: points
 * are the everyday engagement beside the moments.
 *
 * @param where a CEL condition over {@code event} and {@code user}, or {@code null} for every event of the type
 * @param points a CEL expression of the points, e.g. {@code 10} or {@code int(event.total)}
 */
public record PointRule(PointRuleId id, PartnerId partnerId, String name, String event, String where, String points,
                        Instant createdAt) {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest event type accepted. */
    public static final int MAX_EVENT_LENGTH = 200;
    /** The longest expression (condition or points) accepted. */
    public static final int MAX_EXPRESSION_LENGTH = 1_000;
    /**
     * The most points one event earns by one rule; a larger result (below a trillion, past which an expression's
     * value is not read) earns this many.
     */
    public static final long MAX_POINTS_PER_EVENT = 1_000_000;
    /** The most rules a partner may keep. */
    public static final int MAX_RULES_PER_PARTNER = 100;

    public PointRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Text.name("name", name, MAX_NAME_LENGTH);
        event = Text.id("event", event, MAX_EVENT_LENGTH);
        if (where != null && where.isBlank()) {
            where = null;
        }
        Text.optionalId("where", where, MAX_EXPRESSION_LENGTH);
        if (points == null || points.isBlank()) {
            throw new InvalidValueException("points", "points is required: a whole number or a CEL expression");
        }
        Text.optionalId("points", points, MAX_EXPRESSION_LENGTH);
    }

    /**
     * The points an event earns for the value its expression gave: a whole number from 1, at most
     * {@link #MAX_POINTS_PER_EVENT}; none (0) for no value, a fraction, zero or less.
     */
    public static long earned(BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            return 0;
        }
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0) {
            return 0;
        }
        return whole.compareTo(BigDecimal.valueOf(MAX_POINTS_PER_EVENT)) >= 0 ? MAX_POINTS_PER_EVENT
                : whole.longValueExact();
    }
}
