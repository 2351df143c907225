package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.moments.application.port.InvalidExpressionException;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.partner.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value expressions (a moment's revenue): what they give for an event, and what is refused when compiled. */
class CelEventValueTest {

    private final CelExpressionCompiler compiler = new CelExpressionCompiler();

    private static UserEvent order(Map<String, Object> properties) {
        return new UserEvent(new PartnerId("ptn_x"), "e1", "order.completed", "u1", null,
                Instant.parse("2026-11-25T10:00:00Z"), properties, null, Map.of("vip", true));
    }

    private BigDecimal value(String expression, Map<String, Object> properties) {
        return compiler.compileValue(expression).of(order(properties));
    }

    @Test
    void aDecimalPropertyIsItsValueToFourPlaces() {
        assertThat(value("event.total", Map.of("total", new BigDecimal("19.99")))).isEqualByComparingTo("19.99");
        assertThat(value("event.total", Map.of("total", new BigDecimal("1.23456")))).isEqualTo("1.2346");
    }

    @Test
    void aWholeNumberAndArithmeticWork() {
        assertThat(value("event.total", Map.of("total", new BigDecimal("42")))).isEqualByComparingTo("42");
        // CEL does not mix int and double in arithmetic: a whole total is an int, so it is converted first
        assertThat(value("double(event.total) - event.discount", Map.of("total", new BigDecimal("50"),
                "discount", new BigDecimal("7.5")))).isEqualByComparingTo("42.5");
        assertThat(value("event.total - event.discount", Map.of("total", new BigDecimal("50"),
                "discount", new BigDecimal("7.5")))).isNull();
        assertThat(value("user.vip ? 2 : 1", Map.of())).isEqualByComparingTo("2");
    }

    @Test
    void aMissingPropertyAStringOrAnAbsurdAmountIsNoValue() {
        assertThat(value("event.total", Map.of())).isNull();
        assertThat(value("event.total", Map.of("total", "12.00"))).isNull();
        assertThat(value("event.total", Map.of("total", new BigDecimal("1e13")))).isNull();
        assertThat(value("event.total / 0", Map.of("total", new BigDecimal("5")))).isNull();
    }

    @Test
    void aValueJustBelowATrillionIsKeptAndATrillionIsAbsurd() {
        assertThat(value("event.total", Map.of("total", new BigDecimal("999999999999.9999"))))
                .isEqualByComparingTo("999999999999.9999");
        assertThat(value("event.total", Map.of("total", new BigDecimal("1000000000000")))).isNull();
        assertThat(value("-event.total", Map.of("total", new BigDecimal("1000000000000")))).isNull();
    }

    @Test
    void anExpressionThatCannotBeANumberIsRefusedAtCompilation() {
        InvalidExpressionException boolResult = catchThrowableOfType(InvalidExpressionException.class,
                () -> compiler.compileValue("event.total > 3"));
        assertThat(boolResult.getMessage()).contains("must be a number");
        InvalidExpressionException syntax = catchThrowableOfType(InvalidExpressionException.class,
                () -> compiler.compileValue("event.total +"));
        assertThat(syntax.position()).isGreaterThanOrEqualTo(0);
        assertThat(catchThrowableOfType(InvalidExpressionException.class, () -> compiler.compileValue("'text'")))
                .isNotNull();
    }

    @Test
    void aConditionIsStillRefusedWhereANumberIsGiven() {
        assertThat(catchThrowableOfType(InvalidExpressionException.class, () -> compiler.compile("event.total + 1")))
                .hasMessageContaining("must be a boolean condition");
    }
}
