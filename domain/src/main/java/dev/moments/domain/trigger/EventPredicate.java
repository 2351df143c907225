package dev.moments.domain.trigger;

import dev.moments.domain.event.UserEvent;

/**
 * A compiled {@code where} condition. The domain only ever sees this: how the expression was written and
 * compiled is the business of an adapter behind the application's {@code ExpressionCompiler} port.
 */
@FunctionalInterface
public interface EventPredicate {

    /** Accepts every event: the predicate of a trigger without {@code where}. */
    EventPredicate ALWAYS = event -> true;

    /**
     * Whether the event (and the user attributes it carries) satisfy the condition. A property the event lacks
     * makes the condition false; it is never an error.
     */
    boolean test(UserEvent event);
}
