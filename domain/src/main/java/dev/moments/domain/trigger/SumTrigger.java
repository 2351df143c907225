package dev.moments.domain.trigger;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Completes when the numeric property {@code field} summed over matching events inside one window of length
 * {@code within} (or since enrolment) reaches {@code atLeast} — "spend 50.00 across orders within 30 days". Events
 * whose property is missing, not a number, zero or negative add nothing.
 */
public record SumTrigger(Match match, String field, BigDecimal atLeast, Duration within) implements Trigger {

    /** The most decimal places of the target: finer targets are below what a sum of event properties can tell. */
    public static final int MAX_DECIMALS = 10;

    public SumTrigger {
        Objects.requireNonNull(match, "match");
        if (field == null || field.isBlank()) {
            throw new InvalidValueException("field", "field is required: the numeric property to sum");
        }
        Text.id("field", field, Match.MAX_EVENT_TYPE_LENGTH);
        if (atLeast == null || atLeast.signum() <= 0) {
            throw new InvalidValueException("atLeast", "atLeast must be a positive number");
        }
        if (atLeast.compareTo(new BigDecimal("1e15")) >= 0) {
            throw new InvalidValueException("atLeast", "atLeast is too large");
        }
        if (atLeast.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidValueException("atLeast", "atLeast has at most " + MAX_DECIMALS + " decimal places");
        }
        Windows.within(within, false);
    }

    @Override
    public String kind() {
        return "sum";
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
