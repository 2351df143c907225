package dev.moments.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An outbox event as it is written and delivered. */
class DomainEventOutboxTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final PartnerId PARTNER = new PartnerId("ptn_1");

    @Test
    void anEventIsDeliveredAsItsIdTypeTimeAndData_inThatOrder() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("momentId", "mom_1");
        data.put("remaining", "0.00");
        OutboxEvent event = new OutboxEvent("evt_1", PARTNER, "budget.exhausted", data, AT);

        assertThat(event.envelope()).containsExactly(Map.entry("id", "evt_1"), Map.entry("type", "budget.exhausted"),
                Map.entry("createdAt", "2026-11-25T10:00:00Z"), Map.entry("data", data));
    }

    @Test
    void anEventsDataHoldsNoNullValue() {
        Map<String, Object> data = new HashMap<>();
        data.put("reason", null);

        assertThatThrownBy(() -> new OutboxEvent("evt_1", PARTNER, "award.cancelled", data, AT))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("reason");
    }
}
