package dev.moments.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the JSON held in jsonb columns, through Jackson's tree model (no reflection on domain types).
 *
 * <p>Numbers are never rounded nor normalised: floats are read as {@link BigDecimal} and trailing zeros are kept,
 * so a JSON number {@code 12.50} is read back as {@code 12.50}. Decimals the domain compares by {@code equals}
 * (scale included) are written as strings with {@link #decimal(BigDecimal)}, which round-trip exactly whatever
 * their scale.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database holds malformed JSON", e);
        }
    }

    /** The text of a field, or {@code null} when it is missing or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The strings of an array field; empty when the field is missing. */
    static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = node.get(field);
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    /** An exact decimal as a JSON string ({@code "12.50"}): {@code new BigDecimal(text)} gives it back, scale and all. */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.toString();
    }

    /** A decimal field written by {@link #decimal(BigDecimal)} (or as a JSON number), or {@code null}. */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }

    /** An ISO-8601 duration field, or {@code null}. */
    static Duration duration(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Duration.parse(text);
    }

    /** A duration as the API writes it: whole days as {@code P7D}, anything else as {@code PT36H}, {@code PT1.5S}. */
    static String duration(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (!duration.isNegative() && !duration.isZero() && duration.toSecondsPart() == 0 && duration.toNanosPart() == 0
                && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    /**
     * A JSON-like Java value (null, Boolean, String, Number, List or other Collection, Map) as a JSON node; numbers
     * are written as JSON numbers.
     */
    static JsonNode node(Object value) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof BigDecimal number) {
            return nodes.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return nodes.numberNode(new BigDecimal(number));
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return nodes.numberNode(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("JSON has no number " + number);
            }
            return nodes.numberNode(new BigDecimal(value.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), node(item)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = nodes.arrayNode();
            items.forEach(item -> array.add(node(item)));
            return array;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /**
     * A JSON node as a JSON-like Java value: null, Boolean, String, BigDecimal for every number, an unmodifiable
     * List or an unmodifiable Map (in document order; both may hold nulls).
     */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item)));
            return Collections.unmodifiableList(items);
        }
        if (node.isObject()) {
            return Collections.unmodifiableMap(fields(node));
        }
        throw new IllegalStateException("the database holds an unexpected JSON value " + node.getNodeType());
    }

    /** The fields of a JSON object as JSON-like Java values, in document order. */
    static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.put(field.getKey(), value(field.getValue()));
        }
        return fields;
    }
}
