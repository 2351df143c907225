package dev.moments.adapter.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import java.util.Collection;
import java.util.Map;

/**
 * What one evaluation of a condition may cost, counted as it runs: every evaluated sub-expression is a step, and
 * every string, list or map it produces costs its size. The CEL runtime calls {@link #callback} after each
 * sub-expression, so an evaluation that would build large values (a {@code map} concatenating long strings) or run
 * long (nested comprehensions) is stopped after a bounded amount of work, whatever the event holds. The counts are
 * deterministic: the same condition over the same event always gets the same answer, however busy the machine.
 */
final class EvaluationBudget implements CelEvaluationListener {

    /** The most sub-expressions one evaluation may evaluate. */
    static final int MAX_STEPS = 100_000;

    /** The most characters (of strings) and elements (of lists and maps) one evaluation may produce in all. */
    static final long MAX_PRODUCED = 1_000_000;

    private int steps;
    private long produced;

    @Override
    public void callback(CelExpr expr, Object result) {
        if (++steps > MAX_STEPS) {
            throw new Exceeded("more than " + MAX_STEPS + " evaluation steps");
        }
        long size = size(result);
        if ((produced += size) > MAX_PRODUCED) {
            throw new Exceeded("more than " + MAX_PRODUCED + " characters and elements produced");
        }
    }

    private static long size(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value instanceof com.google.protobuf.ByteString bytes) {
            return bytes.size();
        }
        return 0;
    }

    /** The evaluation went over its budget: the condition is treated as not met. */
    static final class Exceeded extends RuntimeException {

        Exceeded(String message) {
            super(message, null, false, false);
        }
    }
}
