package dev.moments.application.service;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.application.port.out.ExpressionCompiler;
import dev.moments.domain.event.EventValue;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.EventPredicate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiles each distinct {@code where} expression once and keeps the predicate (and each value expression, its value),
 * so no event ever re-parses one.
 */
public final class CompiledExpressions {

    /** Past this many distinct expressions the cache starts over, which bounds its memory. */
    static final int MAX_ENTRIES = 10_000;

    private final Function<String, EventPredicate> compilePredicate;
    private final Function<String, EventValue> compileValue;
    private final Map<String, EventPredicate> cache = new ConcurrentHashMap<>();
    private final Map<String, EventValue> values = new ConcurrentHashMap<>();

    public CompiledExpressions(ExpressionCompiler compiler) {
        this.compilePredicate = compiler::compile;
        this.compileValue = compiler::compileValue;
    }

    /** The predicate of an expression; {@code null} means no condition. */
    public EventPredicate predicate(String expression) {
        return expression == null ? EventPredicate.ALWAYS : compiled(cache, expression, compilePredicate);
    }

    /** The compiled value expression (e.g. a moment's revenue), compiled once like a predicate. */
    public EventValue value(String expression) {
        return compiled(values, expression, compileValue);
    }

    /** The cached compilation of {@code expression}; past {@link #MAX_ENTRIES} the cache starts over. */
    private static <T> T compiled(Map<String, T> cache, String expression, Function<String, T> compile) {
        T cached = cache.get(expression);
        if (cached != null) {
            return cached;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        return cache.computeIfAbsent(expression, compile);
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
