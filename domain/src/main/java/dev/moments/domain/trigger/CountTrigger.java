package dev.moments.domain.trigger;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Completes when at least {@code atLeast} matching events fall inside one window of length {@code within} (the
 * first and the last at most {@code within} apart), or since enrolment when there is no window — "watch 10 videos
 * within 7 days".
 */
public record CountTrigger(Match match, long atLeast, Duration within) implements Trigger {

    public CountTrigger {
        Objects.requireNonNull(match, "match");
        Windows.atLeast(atLeast);
        Windows.within(within, false);
    }

    @Override
    public String kind() {
        return "count";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(match.event());
    }

    @Override
    public void collectExpressions(String path, Map<String, String> into) {
        match.collect(path, into);
    }
}
