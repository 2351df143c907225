package dev.moments.domain.event;

import java.math.BigDecimal;

/**
 * A compiled value expression, e.g. the revenue an event brings ({@code event.total}). Like
 * {@link dev.moments.domain.trigger.EventPredicate}, how it was written and compiled is an adapter's business.
 */
@FunctionalInterface
public interface EventValue {

    /**
     * The value for the event, or {@code null} when the expression gives no finite number for it (a missing property,
     * a string, an error): such an event brings nothing.
     */
    BigDecimal of(UserEvent event);
}
