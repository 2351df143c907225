package dev.moments.adapter.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a delivery, {@code {"id":"evt_…","type":…,"createdAt":…,"data":{…}}}: the same bytes on every retry. */
final class WebhookBodies {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private WebhookBodies() {
    }

    static byte[] of(OutboxEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("createdAt", event.createdAt().toString());
        body.put("data", event.data());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox event's data is JSON-like values only", e);
        }
    }
}
