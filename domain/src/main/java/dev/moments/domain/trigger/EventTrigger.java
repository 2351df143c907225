package dev.moments.domain.trigger;

import dev.moments.domain.event.UserEvent;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Completes on one event of the given type that satisfies the optional {@code where} condition, e.g. "spend at
 * least $25 in one order" is {@code order.completed} where {@code event.total >= 25}.
 */
public record EventTrigger(Match match) implements Trigger {

    public EventTrigger(String event, String where) {
        this(new Match(event, where));
    }

    public EventTrigger {
        Objects.requireNonNull(match, "match");
    }

    public String event() {
        return match.event();
    }

    public String where() {
        return match.where();
    }

    @Override
    public String kind() {
        return "event";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(match.event());
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        match.collect(path, into);
    }

    /** Whether this one event completes the trigger, given the compiled form of {@link #where()}. */
    public boolean isCompletedBy(UserEvent candidate, EventPredicate condition) {
        return match.event().equals(candidate.type()) && condition.test(candidate);
    }
}
