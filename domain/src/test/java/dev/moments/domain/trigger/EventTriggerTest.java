package dev.moments.domain.trigger;

import static dev.moments.domain.fixtures.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTriggerTest {

    private final EventTrigger spend25 = new EventTrigger("order.completed", "event.total >= 25");
    private final EventPredicate totalAtLeast25 = e -> e.properties().get("total") instanceof BigDecimal total
            && total.compareTo(new BigDecimal("25")) >= 0;

    @Test
    void oneMatchingEventCompletesIt() {
        assertThat(spend25.isCompletedBy(event("order.completed", "u1", Map.of("total", 42.50)), totalAtLeast25)).isTrue();
    }

    @Test
    void anEventThatFailsTheConditionDoesNot() {
        assertThat(spend25.isCompletedBy(event("order.completed", "u1", Map.of("total", 10)), totalAtLeast25)).isFalse();
    }

    @Test
    void anEventOfAnotherTypeNeverDoes() {
        assertThat(spend25.isCompletedBy(event("app.opened", "u1", Map.of("total", 42.50)), EventPredicate.ALWAYS)).isFalse();
    }

    @Test
    void itListensToItsEventTypeAndReportsItsExpressionWithItsFieldPath() {
        assertThat(spend25.eventTypes()).containsExactly("order.completed");
        assertThat(spend25.expressions()).containsEntry("trigger.where", "event.total >= 25");
        assertThat(new EventTrigger("tutorial.completed", "  ").expressions()).isEmpty();
    }

    @Test
    void itReadsAsItsEventTypeAndItsCondition_aBlankConditionAsNone() {
        assertThat(spend25.event()).isEqualTo("order.completed");
        assertThat(spend25.where()).isEqualTo("event.total >= 25");
        assertThat(new EventTrigger("tutorial.completed", "  ").where()).isNull();
    }

    @Test
    void anEventTypeIsRequired() {
        assertThatThrownBy(() -> new EventTrigger(" ", null)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("event");
    }
}
