package dev.moments.domain.trigger;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes when any one of its sub-triggers is complete; a sub-trigger stays complete until the whole
 * trigger completes and progress starts again.
 */
public record AnyTrigger(List<Trigger> of) implements Trigger {

    public AnyTrigger {
        of = Nesting.parts(of, "any");
    }

    @Override
    public String kind() {
        return "any";
    }

    @Override
    public Set<String> eventTypes() {
        return Nesting.eventTypes(of);
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        Nesting.collectExpressions(of, path, into);
    }
}
