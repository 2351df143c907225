package dev.moments.adapter.rules;

import com.google.common.primitives.UnsignedLong;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.moments.domain.event.EventValue;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled CEL value expression, planned once and evaluated many times; immutable and safe to share between threads.
 * An int, uint or finite double result below a trillion is the value, kept to {@value #SCALE} decimal places; anything
 * else (an error, a string, an evaluation over its {@link EvaluationBudget}) is no value.
 */
final class CelEventValue implements EventValue {

    /** The decimal places a value keeps, those of the amounts stored. */
    static final int SCALE = 4;

    private final String expression;
    private final CelRuntime.Program program;

    CelEventValue(String expression, CelRuntime.Program program) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.program = Objects.requireNonNull(program, "program");
    }

    @Override
    public BigDecimal of(UserEvent event) {
        if (event == null) {
            return null;
        }
        Map<String, Object> variables = Map.of(
                CelExpressionCompiler.EVENT, CelValues.eventVariable(event),
                CelExpressionCompiler.USER, CelValues.userVariable(event));
        Object result;
        try {
            result = program.trace(variables, new EvaluationBudget());
        } catch (CelEvaluationException | RuntimeException e) {
            return null;
        }
        BigDecimal value;
        if (result instanceof Long whole) {
            value = BigDecimal.valueOf(whole);
        } else if (result instanceof UnsignedLong whole) {
            value = new BigDecimal(whole.bigIntegerValue());
        } else if (result instanceof Double real && Double.isFinite(real)) {
            value = BigDecimal.valueOf(real);
        } else {
            return null;
        }
        // beyond any amount the model keeps (a trillion): an absurd value, not revenue
        return value.abs().compareTo(Money.MAX_AMOUNT) < 0 ? value.setScale(SCALE, RoundingMode.HALF_EVEN) : null;
    }

    @Override
    public String toString() {
        return "CelEventValue[" + expression + "]";
    }
}
