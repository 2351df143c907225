package dev.moments.adapter.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.trigger.EventPredicate;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled CEL condition, planned once and evaluated many times; immutable and safe to share between threads.
 * Any evaluation error (a missing key, a runtime type mismatch, a division by zero), an evaluation that goes over its
 * {@link EvaluationBudget}, or a non-boolean result makes the condition false.
 */
final class CelEventPredicate implements EventPredicate {

    private final String expression;
    private final CelRuntime.Program program;

    CelEventPredicate(String expression, CelRuntime.Program program) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.program = Objects.requireNonNull(program, "program");
    }

    @Override
    public boolean test(UserEvent event) {
        if (event == null) {
            return false;
        }
        Map<String, Object> variables = Map.of(
                CelExpressionCompiler.EVENT, CelValues.eventVariable(event),
                CelExpressionCompiler.USER, CelValues.userVariable(event));
        try {
            return Boolean.TRUE.equals(program.trace(variables, new EvaluationBudget()));
        } catch (CelEvaluationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CelEventPredicate[" + expression + "]";
    }
}
