package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes when every one of its sub-triggers is complete; a sub-trigger stays complete until the whole
 * trigger completes and progress starts again.
 */
public record AllTrigger(List<Trigger> of) implements Trigger {

    public AllTrigger {
        if (of == null || of.isEmpty()) {
            throw new InvalidValueException("of", "all needs at least one sub-trigger");
        }
        if (of.size() > MAX_PARTS) {
            throw new InvalidValueException("of", "all has at most " + MAX_PARTS + " sub-triggers");
        }
        for (int i = 0; i < of.size(); i++) {
            if (of.get(i) == null) {
                throw new InvalidValueException("of[" + i + "]", "a sub-trigger is required");
            }
            if (of.get(i) instanceof DirectTrigger) {
                throw new InvalidValueException("of[" + i + "].kind", "direct cannot be combined");
            }
        }
        of = List.copyOf(of);
        if (Nesting.depth(of) > MAX_DEPTH) {
            throw new InvalidValueException("of", "all/any nest at most " + MAX_DEPTH + " levels deep");
        }
    }

    @Override
    public String kind() {
        return "all";
    }

    @Override
    public Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        of.forEach(trigger -> types.addAll(trigger.eventTypes()));
        return types;
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        for (int i = 0; i < of.size(); i++) {
            of.get(i).collectExpressions(path + ".of[" + i + "]", into);
        }
    }
}
