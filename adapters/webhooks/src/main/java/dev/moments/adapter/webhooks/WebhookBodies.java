package dev.moments.adapter.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;

/** The body of a delivery, {@code {"id":"evt_…","type":…,"createdAt":…,"data":{…}}}: the same bytes on every retry. */
final class WebhookBodies {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private WebhookBodies() {
    }

    static byte[] of(OutboxEvent event) {
        try {
            return JSON.writeValueAsBytes(event.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox event's data is JSON-like values only", e);
        }
    }
}
