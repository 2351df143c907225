package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Completes when matching events fall on at least {@code atLeast} distinct calendar days of the moment's time zone;
 * the days must follow each other when {@code consecutive}, and all fit inside {@code within} (counted in whole
 * days) when given — "7 days active in a row".
 */
public record DaysTrigger(Match match, long atLeast, boolean consecutive, Duration within) implements Trigger {

    /** The most days a days trigger may ask for. */
    public static final long MAX_DAYS = 3650;

    public DaysTrigger {
        Objects.requireNonNull(match, "match");
        Windows.atLeast(atLeast);
        if (atLeast > MAX_DAYS) {
            throw new InvalidValueException("atLeast", "atLeast must be at most " + MAX_DAYS + " days");
        }
        Windows.within(within, false);
        if (within != null && within.toDays() < atLeast) {
            throw new InvalidValueException("within", "within must span at least atLeast days");
        }
    }

    /** The number of whole calendar days the window spans, or {@code Long.MAX_VALUE} without one. */
    public long windowDays() {
        return within == null ? Long.MAX_VALUE : within.toDays();
    }

    @Override
    public String kind() {
        return "days";
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
