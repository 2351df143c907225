package dev.moments.application.port.out;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.domain.event.EventValue;
import dev.moments.domain.trigger.EventPredicate;

/**
 * Compiles the text of a {@code where} condition into a predicate, once, when a moment is created or changed.
 * Variables: {@code event} (the event's properties plus {@code type} and {@code occurredAt}) and {@code user}
 * (the user's attributes).
 */
public interface ExpressionCompiler {

    /**
     * Compiles the expression or refuses it.
     *
     * @throws InvalidExpressionException on a syntax or type error, or an expression that is too long
     */
    EventPredicate compile(String expression);

    /**
     * Compiles an expression giving a number for an event (e.g. its revenue), over the same variables, or refuses it.
     *
     * @throws InvalidExpressionException on a syntax or type error (a result that cannot be a number), or an
     *         expression that is too long
     */
    EventValue compileValue(String expression);
}
