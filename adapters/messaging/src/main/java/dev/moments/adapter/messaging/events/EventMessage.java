package dev.moments.adapter.messaging.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message of the queue {@code moments.events}, read as strictly as {@code POST /v1/events} reads its body: the
 * event JSON plus {@code partnerId}, or {@code {"partnerId", "events": [...]}} for a batch of at most 1,000. A message
 * that cannot be read at all is refused whole ({@link Unreadable}); in a batch, each event that cannot be read is
 * refused alone and keeps its own JSON, to be dead-lettered by itself.
 */
record EventMessage(PartnerId partnerId, boolean batch, List<Item> items) {

    /** The most events one batch message carries, as a REST batch. */
    static final int MAX_EVENTS = 1_000;
    /** The largest message body read, as the largest REST body. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            // 42.50 stays 42.50, as the REST reader keeps it (the default tree strips trailing zeros)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static {
        // the limits of the REST body parser: nesting, names, strings, numbers and the whole document
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxNameLength(1_000).maxStringLength(100_000).maxNumberLength(100).maxDocumentLength(MAX_BYTES)
                .maxTokenCount(2_000_000).build());
    }

    /**
     * One event of the message: its command, or why it cannot be one; with its own JSON (with {@code partnerId}, so
     * that a dead letter can be published again as it is once mended).
     */
    record Item(RecordEventCommand command, RuntimeException refused, JsonNode json) {
    }

    /** A message that cannot be read at all; it is dead-lettered whole. */
    static final class Unreadable extends RuntimeException {

        private final String code;

        Unreadable(String code, String detail) {
            super(detail);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    static EventMessage read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Unreadable("malformed-json", "the message has no body");
        }
        if (body.length > MAX_BYTES) {
            throw new Unreadable("content-too-large", "the message has more than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Unreadable("malformed-json", "the body is not JSON: " + firstLine(e));
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("malformed-json", "the body is not a JSON object");
        }
        JsonNode partner = root.get("partnerId");
        if (partner == null || !partner.isTextual()) {
            throw new Unreadable("invalid-value", "partnerId: partnerId is required, a string");
        }
        PartnerId partnerId;
        try {
            partnerId = new PartnerId(Text.id("partnerId", partner.textValue(), RecordEventCommand.MAX_ID_LENGTH));
        } catch (InvalidValueException invalid) {
            throw new Unreadable(invalid.code(), "partnerId: " + invalid.getMessage());
        }
        JsonNode events = root.get("events");
        if (events == null) {
            return new EventMessage(partnerId, false, List.of(item(partnerId, (ObjectNode) root, root)));
        }
        if (!events.isArray()) {
            throw new Unreadable("invalid-value", "events: events is a list of events");
        }
        if (events.size() > MAX_EVENTS) {
            throw new Unreadable("invalid-value", "events: at most " + MAX_EVENTS + " events in one message");
        }
        List<Item> items = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            items.add(event.isObject() ? item(partnerId, (ObjectNode) event, withPartner(partnerId, event))
                    : new Item(null, new InvalidValueException("events", "each event is a JSON object"), event));
        }
        return new EventMessage(partnerId, true, items);
    }

    private static Item item(PartnerId partnerId, ObjectNode event, JsonNode json) {
        try {
            return new Item(new RecordEventCommand(partnerId, text(event, "id"), text(event, "type"),
                    text(event, "userId"), text(event, "deviceId"), instant(event, "occurredAt"),
                    object(event, "properties"), context(event.get("context")), object(event, "user"),
                    notifyByEmail(event.get("notify"))), null, json);
        } catch (RuntimeException refused) {
            return new Item(null, refused, json);
        }
    }

    private static JsonNode withPartner(PartnerId partnerId, JsonNode event) {
        ObjectNode alone = ((ObjectNode) event).deepCopy();
        alone.put("partnerId", partnerId.value());
        return alone;
    }

    /** What a dead letter carries of one event: its JSON. */
    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidValueException(field, field + " is a string");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode event, String field) {
        String text = text(event, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " is an RFC 3339 time such as 2026-11-25T10:00:00Z");
        }
    }

    private static Map<String, Object> object(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidValueException(field, field + " is a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) plain(value);
        return fields;
    }

    /** A JSON value as the core takes it: null, Boolean, String, BigDecimal, List or Map. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), plain(field.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>(node.size());
            node.forEach(value -> values.add(plain(value)));
            return values;
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    private static EventContext context(JsonNode context) {
        if (context == null || context.isNull()) {
            return null;
        }
        if (!context.isObject()) {
            throw new InvalidValueException("context", "context is a JSON object");
        }
        JsonNode testUser = context.get("testUser");
        if (testUser != null && !testUser.isNull() && !testUser.isBoolean()) {
            throw new InvalidValueException("context.testUser", "testUser is true or false");
        }
        return new EventContext(text(context, "country"), text(context, "platform"), text(context, "ip"),
                testUser != null && testUser.booleanValue());
    }

    /** {@code "notify": { "email": false }} says no e-mail; anything else but a malformed block says yes. */
    private static boolean notifyByEmail(JsonNode notify) {
        if (notify == null || notify.isNull()) {
            return true;
        }
        if (!notify.isObject()) {
            throw new InvalidValueException("notify", "notify is a JSON object");
        }
        JsonNode email = notify.get("email");
        if (email != null && !email.isNull() && !email.isBoolean()) {
            throw new InvalidValueException("notify.email", "email is true or false");
        }
        return email == null || email.isNull() || email.booleanValue();
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
