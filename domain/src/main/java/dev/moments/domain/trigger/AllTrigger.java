package dev.moments.domain.trigger;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes when every one of its sub-triggers is complete; a sub-trigger stays complete until the whole
 * trigger completes and progress starts again.
 */
public record AllTrigger(List<Trigger> of) implements Trigger {

    public AllTrigger {
        of = Nesting.parts(of, "all");
    }

    @Override
    public String kind() {
        return "all";
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
