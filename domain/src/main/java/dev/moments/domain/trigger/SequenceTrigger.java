package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes when events matching the steps occur in this order (strictly increasing {@code occurredAt}) and the last
 * is at most {@code within} after the first — "a second order within 45 days of the first". A later occurrence of
 * the first step starts the sequence afresh, so the latest start always counts.
 */
public record SequenceTrigger(List<Match> steps, Duration within) implements Trigger {

    public SequenceTrigger {
        if (steps == null || steps.isEmpty()) {
            throw new InvalidValueException("steps", "a sequence needs at least one step");
        }
        if (steps.size() > MAX_PARTS) {
            throw new InvalidValueException("steps", "a sequence has at most " + MAX_PARTS + " steps");
        }
        steps = List.copyOf(steps);
        Windows.within(within, true);
    }

    @Override
    public String kind() {
        return "sequence";
    }

    @Override
    public Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        steps.forEach(step -> types.add(step.event()));
        return types;
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).collect(path + ".steps[" + i + "]", into);
        }
    }
}
