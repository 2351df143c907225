package dev.moments.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON trees into the plain values the core expects: null, Boolean, String, BigDecimal, List and Map. It only
 * converts; the command that receives the values checks them against the limits of an event
 * ({@code EventPayload}), and the parser has already bounded the depth of the tree ({@link JacksonConfig}).
 */
final class JsonValues {

    private JsonValues() {
    }

    static Map<String, Object> toMap(Map<String, JsonNode> fields) {
        if (fields == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, node) -> values.put(name, toJava(node)));
        return values;
    }

    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(toJava(item));
            }
            return items;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            fields.put(entry.getKey(), toJava(entry.getValue()));
        }
        return fields;
    }
}
