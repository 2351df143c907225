package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.InvalidExpressionException;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.partner.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 of the hostile-input campaign: a condition that builds large values from a large event exhausted the
 * heap (a {@code map} concatenating a 1 MB string 10,000 times). Every evaluation now has a budget of steps and of
 * produced characters and elements; over it, the condition is simply not met, quickly and with little memory.
 */
class EvaluationCostTest {

    private final CelExpressionCompiler compiler = new CelExpressionCompiler();

    private static UserEvent event(Map<String, Object> properties) {
        return new UserEvent(new PartnerId("ptn_x"), "e1", "big", "u1", null, Instant.parse("2026-11-25T10:00:00Z"),
                properties, null, Map.of());
    }

    private static List<Object> numbers(int count) {
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(BigDecimal.valueOf(i));
        }
        return list;
    }

    private static long heapUsed() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aMapThatConcatenatesALongStringForEveryItemIsStoppedByItsBudgetAndIsNotMet() {
        var predicate = compiler.compile("event.l.map(x, event.s + event.s).size() > 0");
        UserEvent hostile = event(Map.of("l", numbers(10_000), "s", "a".repeat(1_000_000)));

        long before = heapUsed();
        boolean met = predicate.test(hostile);
        long grown = heapUsed() - before;

        assertThat(met).isFalse();
        // unbounded, this evaluation allocates 10,000 strings of 2 MB (20 GB); within the budget at most a few
        assertThat(grown).isLessThan(200L * 1024 * 1024);
    }

    @Test
    void repeatedConcatenationInsideAllIsStoppedByTheBudget() {
        var predicate = compiler.compile("event.l.all(x, (event.s + event.s + event.s + event.s).size() > 0)");
        assertThat(predicate.test(event(Map.of("l", numbers(10_000), "s", "a".repeat(100_000))))).isFalse();
    }

    @Test
    void theSameConditionOverASmallEventIsMetAsBefore() {
        var predicate = compiler.compile("event.l.map(x, event.s + event.s).size() > 0");
        assertThat(predicate.test(event(Map.of("l", numbers(10), "s", "abc")))).isTrue();
    }

    @Test
    void twoNestedComprehensionsOverAThousandItemsAreStoppedByTheStepBudget() {
        var predicate = compiler.compile("event.l.all(x, event.l.all(y, x + y >= 0))");
        assertThat(predicate.test(event(Map.of("l", numbers(1_000))))).isFalse();
        assertThat(predicate.test(event(Map.of("l", numbers(20))))).isTrue();
    }

    @Test
    void anErrorAbsorbedByOrDoesNotLetAnOverBudgetEvaluationSucceed() {
        var predicate = compiler.compile("event.l.map(x, event.s + event.s).size() > 0 || event.flag");
        UserEvent hostile = event(Map.of("l", numbers(10_000), "s", "a".repeat(100_000), "flag", true));
        assertThat(predicate.test(hostile)).isFalse();
    }

    @Test
    void threeNestedComprehensionsAreRefusedWhenTheConditionIsWritten() {
        assertThatThrownBy(() -> compiler.compile("event.l.all(x, event.l.all(y, event.l.all(z, x + y + z >= 0)))"))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("nests 3 comprehensions");
    }

    @Test
    void twoNestedComprehensionsAreAccepted() {
        assertThat(compiler.compile("event.a.exists(x, event.b.exists(y, x == y))")).isNotNull();
    }
}
