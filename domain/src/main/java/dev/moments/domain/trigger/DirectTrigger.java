package dev.moments.domain.trigger;

import java.util.Map;
import java.util.Set;

/**
 * Never completes on events: the partner's own engine decides and asks for the award — the original Amazon Moments
 * model.
 */
public record DirectTrigger() implements Trigger {

    @Override
    public String kind() {
        return "direct";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of();
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        // no conditions: the partner decides
    }
}
