package dev.moments.domain.moment;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import dev.moments.domain.trigger.Match;
import java.util.Set;

/**
 * What the partner wants to know users did after reaching a moment, beside its trigger: the report compares it between
 * the treatment and the control arm. Today that is revenue, e.g. the total of every order a user placed after their
 * reach; without it, the report shows no ARPU.
 *
 * @param revenue the revenue each event brings, or {@code null}
 */
public record Outcomes(Revenue revenue) {

    public static final Outcomes NONE = new Outcomes(null);

    /** Whether the moment follows revenue. */
    public boolean followsRevenue() {
        return revenue != null;
    }

    /** The event types the outcomes are read from (none without revenue). */
    public Set<String> eventTypes() {
        return revenue == null ? Set.of() : revenue.events();
    }

    /**
     * The revenue of the events of some types: {@code value} is a CEL expression over {@code event} and {@code user}
     * giving a number, e.g. {@code event.total}.
     *
     * @param events the event types that bring revenue (1 to {@value #MAX_EVENT_TYPES})
     * @param value the expression of an event's revenue (up to {@value #MAX_VALUE_LENGTH} characters)
     */
    public record Revenue(Set<String> events, String value) {

        /** The most event types revenue is read from. */
        public static final int MAX_EVENT_TYPES = 20;
        /** The longest value expression accepted. */
        public static final int MAX_VALUE_LENGTH = 1000;

        public Revenue {
            if (events == null || events.isEmpty()) {
                throw new InvalidValueException("outcomes.revenue.events", "at least one event type is required");
            }
            events = Text.labels("outcomes.revenue.events", events, MAX_EVENT_TYPES, Match.MAX_EVENT_TYPE_LENGTH);
            value = Text.id("outcomes.revenue.value", value, MAX_VALUE_LENGTH);
        }
    }
}
