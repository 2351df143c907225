package dev.moments.domain.trigger;

/** Gives the compiled predicate of a {@code where} expression; {@code null} stands for "no condition". */
@FunctionalInterface
public interface Predicates {

    /** Every expression is true: for tests that only look at event types. */
    Predicates NONE = expression -> EventPredicate.ALWAYS;

    EventPredicate of(String expression);
}
