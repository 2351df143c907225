package dev.moments.application.service;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.application.port.out.ExpressionCompiler;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.event.EventValue;
import dev.moments.domain.trigger.EventPredicate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles each distinct {@code where} expression once and keeps the predicate (and each value expression, its value),
 * so no event ever re-parses one.
 */
public final class CompiledExpressions {

    /** Past this many distinct expressions the cache starts over, which bounds its memory. */
    static final int MAX_ENTRIES = 10_000;

    private final ExpressionCompiler compiler;
    private final Map<String, EventPredicate> cache = new ConcurrentHashMap<>();
    private final Map<String, EventValue> values = new ConcurrentHashMap<>();

    public CompiledExpressions(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    /** The predicate of an expression; {@code null} means no condition. */
    public EventPredicate predicate(String expression) {
        if (expression == null) {
            return EventPredicate.ALWAYS;
        }
        EventPredicate cached = cache.get(expression);
        if (cached != null) {
            return cached;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        return cache.computeIfAbsent(expression, compiler::compile);
    }

    /** The compiled value expression (e.g. a moment's revenue), compiled once like a predicate. */
    public EventValue value(String expression) {
        EventValue cached = values.get(expression);
        if (cached != null) {
            return cached;
        }
        if (values.size() >= MAX_ENTRIES) {
            values.clear();
        }
        return values.computeIfAbsent(expression, compiler::compileValue);
    }

    /** Compiles a condition given in {@code field}, refusing it with the field and the error position. */
    void validate(String field, String expression) {
        refusedAs(field, () -> predicate(expression));
    }

    /** Compiles a value expression given in {@code field}, refusing it with the field and the error position. */
    void validateValue(String field, String expression) {
        refusedAs(field, () -> value(expression));
    }

    private static void refusedAs(String field, Runnable compilation) {
        try {
            compilation.run();
        } catch (InvalidExpressionException e) {
            String where = e.position() >= 0 ? " (at position " + e.position() + ")" : "";
            throw new InvalidValueException(field, e.getMessage() + where);
        }
    }
}
