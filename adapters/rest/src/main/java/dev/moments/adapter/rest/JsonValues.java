package dev.moments.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns JSON trees into the plain values the core expects: null, Boolean, String, BigDecimal, List and Map. */
final class JsonValues {

    private JsonValues() {
    }

    /** The most digits, and the largest exponent, a number in an event may have. */
    static final int MAX_DIGITS = 40;

    static Map<String, Object> toMap(Map<String, JsonNode> fields, String path) {
        if (fields == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, node) -> values.put(text(name, path), toJava(node, path + "." + name)));
        return values;
    }

    private static String text(String value, String path) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidValueException(path, "text must not contain NUL characters");
        }
        return value;
    }

    private static BigDecimal number(BigDecimal value, String path) {
        if (value.precision() > MAX_DIGITS || Math.abs(value.scale()) > MAX_DIGITS) {
            throw new InvalidValueException(path, "numbers have at most " + MAX_DIGITS
                    + " digits and an exponent of at most " + MAX_DIGITS);
        }
        return value;
    }

    static Object toJava(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return number(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue(), path);
        }
        if (node.isTextual()) {
            return text(node.textValue(), path);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                items.add(toJava(node.get(i), path + "[" + i + "]"));
            }
            return items;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> fields.put(text(entry.getKey(), path),
                toJava(entry.getValue(), path + "." + entry.getKey())));
        return fields;
    }
}
