package dev.moments.domain.trigger;

import dev.moments.domain.event.UserEvent;
import dev.moments.domain.shared.InvalidValueException;
import java.util.Map;
import java.util.Set;

/**
 * Completes on one event of the given type that satisfies the optional {@code where} condition, e.g. "spend at
 * least $25 in one order" is {@code order.completed} where {@code event.total >= 25}.
 */
public record EventTrigger(String event, String where) implements Trigger {

    /** The longest event type name accepted. */
    public static final int MAX_EVENT_TYPE_LENGTH = 200;

    public EventTrigger {
        if (event == null || event.isBlank()) {
            throw new InvalidValueException("trigger.event", "event is required");
        }
        if (event.length() > MAX_EVENT_TYPE_LENGTH) {
            throw new InvalidValueException("trigger.event", "event is longer than " + MAX_EVENT_TYPE_LENGTH + " characters");
        }
        if (where != null && where.isBlank()) {
            where = null;
        }
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(event);
    }

    @Override
    public Map<String, String> expressions() {
        return where == null ? Map.of() : Map.of("trigger.where", where);
    }

    /** Whether this one event completes the trigger, given the compiled form of {@link #where()}. */
    public boolean isCompletedBy(UserEvent candidate, EventPredicate condition) {
        return event.equals(candidate.type()) && condition.test(candidate);
    }
}
