package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.InvalidExpressionException;
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
        assertThat(compiler.compile("event.a.all(x, x > 0) && event.b.all(y, y > 0) && event.c.exists(z, z > 0)"))
                .as("comprehensions side by side do not nest").isNotNull();
    }

    @Test
    void aPatternBuiltFromTheEventIsRefusedWhenTheConditionIsWritten() {
        // review finding: event.p = "((((a{100}){100}){100}){100})" compiled at each evaluation exhausted the heap
        assertThatThrownBy(() -> compiler.compile("event.s.matches(event.p)"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("string literal");
        assertThatThrownBy(() -> compiler.compile("matches(event.s, event.p)"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("string literal");
    }

    @Test
    void aLiteralPatternWhoseRepetitionsMultiplyBeyondTheLimitIsRefused() {
        assertThatThrownBy(() -> compiler.compile("event.s.matches('((((a{100}){100}){100}){100})')"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("expands to");
        assertThatThrownBy(() -> compiler.compile("event.s.matches('(a{1000}){1000}')"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("expands to");
        assertThatThrownBy(() -> compiler.compile("event.s.matches('(\\\\Q' + 'x' + '\\\\E)')"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("string literal");
    }

    @Test
    void aPatternIsCheckedWhereverTheMatchesCallSitsInTheCondition() {
        assertThatThrownBy(() -> compiler.compile("event.n > 1 && !event.s.matches('(a{1000}){1000}')"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("expands to");
        assertThatThrownBy(() -> compiler.compile("event.l.exists(x, x.matches('(a{1000}){1000}'))"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("expands to");
    }

    @Test
    void ordinaryPatternsAreAcceptedAndMatchAsBefore() {
        var postal = compiler.compile("event.zip.matches('^[0-9]{5}(-[0-9]{4})?$')");
        assertThat(postal.test(event(Map.of("zip", "62701")))).isTrue();
        assertThat(postal.test(event(Map.of("zip", "6270")))).isFalse();
        assertThat(compiler.compile("event.sku.matches('^PRO-\\\\d+$') && event.sku.matches('[a-z]{2,8}')"))
                .isNotNull();
    }

    @Test
    void aMalformedPatternIsRefusedWhenTheConditionIsWritten() {
        assertThatThrownBy(() -> compiler.compile("event.s.matches('(unclosed')"))
                .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("RE2");
    }

    @Test
    void theWeightOfAPatternMultipliesNestedCountsAndQuotedRuns() {
        assertThat(RegexPatterns.weight("abc")).isEqualTo(3);
        assertThat(RegexPatterns.weight("a{10}")).isEqualTo(10);
        assertThat(RegexPatterns.weight("(a{10}){10}")).isGreaterThanOrEqualTo(100);
        assertThat(RegexPatterns.weight("((a{100}){100}){100}")).isGreaterThanOrEqualTo(1_000_000);
        assertThat(RegexPatterns.weight("(\\Q" + "x".repeat(200) + "\\E){100}")).isGreaterThanOrEqualTo(20_000);
        assertThat(RegexPatterns.weight("[a-z{}]{3}")).isEqualTo(3);
        assertThat(RegexPatterns.weight("\\p{L}{4}")).isEqualTo(4);
    }
}
