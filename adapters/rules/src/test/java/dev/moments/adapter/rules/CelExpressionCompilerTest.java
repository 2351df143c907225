package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.EventPredicate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CelExpressionCompilerTest {

    private static final Instant OCCURRED_AT = Instant.parse("2026-11-25T10:00:00Z");

    private final CelExpressionCompiler compiler = new CelExpressionCompiler();

    private static UserEvent event(Map<String, Object> properties, Map<String, Object> userAttributes) {
        return new UserEvent(new PartnerId("ptn_x"), "e1", "order.completed", "u1", null, OCCURRED_AT,
                properties, null, userAttributes);
    }

    private static UserEvent event(Map<String, Object> properties) {
        return event(properties, Map.of());
    }

    private static UserEvent withTotal(String total) {
        return event(Map.of("total", new BigDecimal(total)));
    }

    private boolean holds(String expression, UserEvent event) {
        return compiler.compile(expression).test(event);
    }

    private InvalidExpressionException refusal(String expression) {
        return catchThrowableOfType(InvalidExpressionException.class, () -> compiler.compile(expression));
    }

    @Nested
    class Numbers {

        @Test
        void aDecimalTotalComparesWithAnIntegerLiteral() {
            assertThat(holds("event.total >= 25", withTotal("42.50"))).isTrue();
        }

        @Test
        void aWholeTotalEqualToTheLimitIsAtLeastTheLimit() {
            assertThat(holds("event.total >= 25", withTotal("25"))).isTrue();
        }

        @Test
        void aDecimalTotalJustBelowTheLimitIsNotAtLeastTheLimit() {
            assertThat(holds("event.total >= 25", withTotal("24.99"))).isFalse();
        }

        @Test
        void aDecimalIsNotGreaterThanItself() {
            assertThat(holds("event.total > 4.99", withTotal("4.99"))).isFalse();
        }

        @Test
        void aWholeNumberEqualsAnIntegerLiteral() {
            assertThat(holds("event.order_number == 1", event(Map.of("order_number", new BigDecimal("1"))))).isTrue();
        }

        @Test
        void aWholeNumberWrittenWithADecimalPointEqualsAnIntegerLiteral() {
            assertThat(holds("event.order_number == 1", event(Map.of("order_number", new BigDecimal("1.0")))))
                    .isTrue();
        }

        @Test
        void aWholeNumberEqualsADecimalLiteral() {
            assertThat(holds("event.order_number == 1.0", event(Map.of("order_number", new BigDecimal("1")))))
                    .isTrue();
        }

        @Test
        void aDifferentNumberIsNotEqual() {
            assertThat(holds("event.order_number == 1", event(Map.of("order_number", new BigDecimal("1.5")))))
                    .isFalse();
        }

        @Test
        void aWholeNumberTooLargeForALongStillCompares() {
            assertThat(holds("event.total > 1000", event(Map.of("total", new BigDecimal("1e30"))))).isTrue();
        }

        @Test
        void divisionByZeroIsFalse() {
            assertThat(holds("event.total / 0 == 1", withTotal("42"))).isFalse();
        }
    }

    @Nested
    class StringsTypesAndTimes {

        @Test
        void aStringPropertyComparesWithAStringLiteral() {
            assertThat(holds("event.currency == 'EUR'", event(Map.of("currency", "EUR")))).isTrue();
            assertThat(holds("event.currency == 'EUR'", event(Map.of("currency", "USD")))).isFalse();
        }

        @Test
        void aPropertyCanBeReadWithTheIndexSyntax() {
            assertThat(holds("event[\"total\"] >= 25", withTotal("42.50"))).isTrue();
        }

        @Test
        void theEventTypeIsAVariable() {
            assertThat(holds("event.type == 'order.completed'", withTotal("1"))).isTrue();
            assertThat(holds("event.type == 'order.cancelled'", withTotal("1"))).isFalse();
        }

        @Test
        void theTimeOfTheEventComparesWithATimestamp() {
            assertThat(holds("event.occurredAt > timestamp('2026-01-01T00:00:00Z')", withTotal("1"))).isTrue();
            assertThat(holds("event.occurredAt > timestamp('2027-01-01T00:00:00Z')", withTotal("1"))).isFalse();
        }

        @Test
        void theTimeOfTheEventHasCalendarFields() {
            assertThat(holds("event.occurredAt.getMonth() == 10", withTotal("1"))).isTrue();
        }

        @Test
        void aBooleanPropertyIsACondition() {
            assertThat(holds("event.gift", event(Map.of("gift", true)))).isTrue();
            assertThat(holds("event.gift", event(Map.of("gift", false)))).isFalse();
        }

        @Test
        void aNullPropertyEqualsNull() {
            Map<String, Object> properties = new HashMap<>();
            properties.put("coupon", null);
            assertThat(holds("event.coupon == null", event(properties))).isTrue();
        }

        @Test
        void nestedMapsAreReachable() {
            UserEvent event = event(Map.of("item", Map.of("sku", "A", "price", new BigDecimal("9.90"))));
            assertThat(holds("event.item.sku == 'A'", event)).isTrue();
            assertThat(holds("event.item.price < 10", event)).isTrue();
        }

        @Test
        void listsWorkWithComprehensions() {
            UserEvent event = event(Map.of("items", List.of(
                    Map.of("sku", "A", "qty", new BigDecimal("2")),
                    Map.of("sku", "B", "qty", new BigDecimal("1.5")))));
            assertThat(holds("event.items.exists(i, i.sku == 'B')", event)).isTrue();
            assertThat(holds("event.items.all(i, i.qty >= 1)", event)).isTrue();
            assertThat(holds("event.items.filter(i, i.qty > 1.5).size() == 1", event)).isTrue();
            assertThat(holds("size(event.items) == 2", event)).isTrue();
        }

        @Test
        void hasTellsWhetherAPropertyIsPresent() {
            assertThat(holds("has(event.total)", withTotal("1"))).isTrue();
            assertThat(holds("has(event.coupon)", withTotal("1"))).isFalse();
        }
    }

    @Nested
    class UserAttributes {

        private final UserEvent event = event(Map.of(),
                Map.of("plan", "free", "segments", List.of("vip", "early"), "age", new BigDecimal("30")));

        @Test
        void aUserAttributeComparesWithALiteral() {
            assertThat(holds("user.plan == 'free'", event)).isTrue();
            assertThat(holds("user.plan == 'pro'", event)).isFalse();
        }

        @Test
        void membershipInAListAttributeIsTested() {
            assertThat(holds("'vip' in user.segments", event)).isTrue();
            assertThat(holds("'churned' in user.segments", event)).isFalse();
        }

        @Test
        void aMissingUserAttributeIsFalse() {
            assertThat(holds("user.country == 'FR'", event)).isFalse();
            assertThat(holds("'vip' in user.tags", event)).isFalse();
        }

        @Test
        void eventAndUserCombine() {
            assertThat(holds("event.type == 'order.completed' && user.age >= 18", event)).isTrue();
        }
    }

    @Nested
    class RuntimeFailures {

        @Test
        void aMissingPropertyIsFalse() {
            assertThat(holds("event.total >= 25", event(Map.of()))).isFalse();
        }

        @Test
        void theNegationOfAMissingPropertyIsAlsoFalse() {
            assertThat(holds("!(event.total >= 25)", event(Map.of()))).isFalse();
        }

        @Test
        void aTypeMismatchAtRuntimeIsFalse() {
            assertThat(holds("event.total >= 25", event(Map.of("total", "a lot")))).isFalse();
        }

        @Test
        void aNonBooleanResultAtRuntimeIsFalse() {
            assertThat(holds("event.total", withTotal("1"))).isFalse();
        }

        @Test
        void aNullEventIsFalse() {
            assertThat(compiler.compile("true").test(null)).isFalse();
        }
    }

    @Nested
    class Refusals {

        @Test
        void aSyntaxErrorIsRefusedWithItsPosition() {
            InvalidExpressionException e = refusal("event.total >= ");
            assertThat(e).isNotNull();
            assertThat(e.position()).isBetween(0, "event.total >= ".length());
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\tat ");
            assertThat(e.code()).isEqualTo("invalid-expression");
        }

        @Test
        void theSyntaxErrorPositionPointsAtTheOffendingCharacter() {
            InvalidExpressionException e = refusal("event.total >= 25 &&& true");
            assertThat(e.position()).isEqualTo(20);
        }

        @Test
        void aCompiledConditionOrValueNamesItsExpressionInLogs() {
            assertThat(compiler.compile("event.total >= 25")).hasToString("CelEventPredicate[event.total >= 25]");
            assertThat(compiler.compileValue("event.total")).hasToString("CelEventValue[event.total]");
        }

        @Test
        void anExpressionCutShortIsRefusedAtItsEnd() {
            assertThat(refusal("event.total >=").position()).isEqualTo(14);
        }

        @Test
        void thePositionCountsCharactersOutsideTheBasicPlaneAsJavaDoes() {
            // each emoji is two UTF-16 units; CEL counts code points
            assertThat(refusal("'😀😀' == event.x && @").position()).isEqualTo(21);
            assertThat(refusal("'😀😀' == event.x &&").position()).isEqualTo(20);
        }

        @Test
        void anUnknownFunctionIsRefused() {
            InvalidExpressionException e = refusal("frobnicate(event.total)");
            assertThat(e.getMessage()).contains("frobnicate");
            assertThat(e.position()).isGreaterThanOrEqualTo(0);
        }

        @Test
        void anUnknownVariableIsRefused() {
            InvalidExpressionException e = refusal("order.total > 1");
            assertThat(e.getMessage()).contains("order");
            assertThat(e.position()).isEqualTo(0);
        }

        @Test
        void aTypeErrorIsRefused() {
            assertThat(refusal("1 + 'a' == 2")).isNotNull();
        }

        @Test
        void aNonBooleanExpressionIsRefused() {
            InvalidExpressionException e = refusal("1 + 2");
            assertThat(e.getMessage()).contains("must be a boolean condition");
        }

        @Test
        void aStringExpressionIsRefused() {
            assertThat(refusal("'yes'").getMessage()).contains("must be a boolean condition");
        }

        @Test
        void anExpressionLongerThanAThousandCharactersIsRefused() {
            String expression = "event.total >= 1" + " ".repeat(990);
            assertThat(expression).hasSizeGreaterThan(1_000);
            InvalidExpressionException e = refusal(expression);
            assertThat(e.position()).isEqualTo(1_000);
            assertThat(e.getMessage()).contains("too long");
        }

        @Test
        void anExpressionOfExactlyAThousandCharactersIsAccepted() {
            String expression = "event.total >= 1" + " ".repeat(1_000 - 16);
            assertThat(expression).hasSize(1_000);
            assertThat(compiler.compile(expression).test(withTotal("2"))).isTrue();
        }

        @Test
        void aBlankOrNullExpressionIsRefusedAtTheStart() {
            assertThat(refusal("   ").position()).isZero();
            assertThat(refusal("").position()).isZero();
            assertThat(refusal(null).position()).isZero();
        }

        @Test
        void aHugeComprehensionStopsAtTheIterationLimitAndIsFalse() {
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < CelExpressionCompiler.MAX_COMPREHENSION_ITERATIONS + 1; i++) {
                many.add(BigDecimal.ONE);
            }
            UserEvent event = event(Map.of("items", many));
            assertThat(holds("event.items.all(i, i == 1)", event)).isFalse();
            assertThat(holds("event.items.size() > 10", event)).isTrue();
        }
    }

    @Nested
    class Reuse {

        @Test
        void aPredicateIsReusableAcrossEvents() {
            EventPredicate predicate = compiler.compile("event.total >= 25");
            assertThat(predicate.test(withTotal("42.5"))).isTrue();
            assertThat(predicate.test(withTotal("24.99"))).isFalse();
            assertThat(predicate.test(event(Map.of()))).isFalse();
            assertThat(predicate.test(withTotal("25"))).isTrue();
        }

        @Test
        void aPredicateUsedFromSeveralThreadsGivesConsistentResults() throws Exception {
            EventPredicate predicate = compiler.compile("event.total >= 25 && 'vip' in user.segments");
            UserEvent yes = event(Map.of("total", new BigDecimal("30")), Map.of("segments", List.of("vip")));
            UserEvent no = event(Map.of("total", new BigDecimal("20")), Map.of("segments", List.of("vip")));
            UserEvent missing = event(Map.of(), Map.of());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    results.add(pool.submit(() -> {
                        for (int k = 0; k < 50; k++) {
                            boolean ok = switch ((n + k) % 3) {
                                case 0 -> predicate.test(yes);
                                case 1 -> !predicate.test(no);
                                default -> !predicate.test(missing);
                            };
                            if (!ok) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void oneCompilerCompilesManyExpressions() {
            assertThat(holds("event.total > 1", withTotal("2"))).isTrue();
            assertThatThrownBy(() -> compiler.compile("event.total >")).isInstanceOf(InvalidExpressionException.class);
            assertThat(holds("event.total < 1", withTotal("0.5"))).isTrue();
        }
    }
}
