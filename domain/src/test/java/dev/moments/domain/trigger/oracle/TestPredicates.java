package dev.moments.domain.trigger.oracle;

import dev.moments.domain.event.UserEvent;
import dev.moments.domain.trigger.EventPredicate;
import dev.moments.domain.trigger.Predicates;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Predicates for tests that understand a few fixed {@code where} strings (the domain has no expression language):
 * {@code event.v >= 5}, {@code event.v < 3}, {@code event.level >= 10}, {@code event.total > 4.99} and
 * {@code event.plan == 'monthly'}. A missing or non-numeric property makes a numeric condition false; an unknown
 * expression is an error.
 */
public final class TestPredicates implements Predicates {

    /** The one instance. */
    public static final TestPredicates INSTANCE = new TestPredicates();

    private static final Map<String, EventPredicate> KNOWN = Map.of(
            "event.v >= 5", number("v", v -> v.compareTo(new BigDecimal("5")) >= 0),
            "event.v < 3", number("v", v -> v.compareTo(new BigDecimal("3")) < 0),
            "event.level >= 10", number("level", v -> v.compareTo(BigDecimal.TEN) >= 0),
            "event.total > 4.99", number("total", v -> v.compareTo(new BigDecimal("4.99")) > 0),
            "event.plan == 'monthly'", event -> "monthly".equals(event.properties().get("plan")));

    private TestPredicates() {
    }

    @Override
    public EventPredicate of(String expression) {
        if (expression == null) {
            return EventPredicate.ALWAYS;
        }
        EventPredicate predicate = KNOWN.get(expression);
        if (predicate == null) {
            throw new IllegalArgumentException("TestPredicates does not know " + expression);
        }
        return predicate;
    }

    private static EventPredicate number(String property, Predicate<BigDecimal> test) {
        return (UserEvent event) -> event.properties().get(property) instanceof BigDecimal value && test.test(value);
    }
}
