package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.application.port.out.ExpressionCompiler;
import dev.moments.domain.event.EventValue;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.EventPredicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions compiled once and kept, within a bound; a refusal names the field and the error's position. */
class CompiledExpressionsTest {

    /** Compiles "true"/"false" and numbers; "bad@N" fails at position N; remembers what it was asked. */
    private static final class Compiler implements ExpressionCompiler {

        final List<String> compiled = new ArrayList<>();

        @Override
        public EventPredicate compile(String expression) {
            compiled.add(expression);
            refuseBad(expression);
            boolean answer = !expression.equals("false");
            return event -> answer;
        }

        @Override
        public EventValue compileValue(String expression) {
            compiled.add(expression);
            refuseBad(expression);
            BigDecimal value = new BigDecimal(expression);
            return event -> value;
        }

        private static void refuseBad(String expression) {
            if (expression.startsWith("bad@")) {
                throw new InvalidExpressionException("unexpected token",
                        Integer.parseInt(expression.substring("bad@".length())));
            }
        }
    }

    private final Compiler compiler = new Compiler();
    private final CompiledExpressions expressions = new CompiledExpressions(compiler);

    @Test
    void anExpressionIsCompiledOnce_andNoConditionAdmitsEveryEvent() {
        var event = Fixtures.event("order.completed", "u-1");

        assertThat(expressions.predicate("false").test(event)).isFalse();
        assertThat(expressions.predicate("false").test(event)).isFalse();
        assertThat(expressions.value("12.5").of(event)).isEqualByComparingTo("12.5");
        assertThat(expressions.value("12.5").of(event)).isEqualByComparingTo("12.5");
        assertThat(expressions.predicate(null).test(event)).isTrue();

        assertThat(compiler.compiled).containsExactly("false", "12.5");
    }

    @Test
    void pastMaxEntriesTheCacheStartsOver() {
        for (int i = 0; i < CompiledExpressions.MAX_ENTRIES; i++) {
            expressions.predicate("x" + i);
        }
        expressions.predicate("x0");
        assertThat(compiler.compiled).as("all kept").hasSize(CompiledExpressions.MAX_ENTRIES);

        expressions.predicate("one too many");
        expressions.predicate("x0");

        assertThat(compiler.compiled.subList(CompiledExpressions.MAX_ENTRIES, compiler.compiled.size()))
                .containsExactly("one too many", "x0");
    }

    @Test
    void aRefusedExpressionNamesItsFieldAndWhereTheErrorIs() {
        assertThatThrownBy(() -> expressions.validate("audience.where", "bad@0"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unexpected token (at position 0)")
                .extracting("field").isEqualTo("audience.where");
        assertThatThrownBy(() -> expressions.validateValue("outcomes.revenue.value", "bad@-1"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unexpected token")
                .extracting("field").isEqualTo("outcomes.revenue.value");
    }
}
