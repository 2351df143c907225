package dev.moments.adapter.rules;

import dev.cel.common.values.NullValue;
import dev.moments.domain.event.UserEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts the JSON-like values of a {@link UserEvent} into the values the CEL runtime understands. */
final class CelValues {

    /** The CEL {@code null}. */
    static final Object NULL = NullValue.NULL_VALUE;

    private CelValues() {
    }

    /** The {@code event} variable: every property, plus {@code type} and {@code occurredAt}, which win over them. */
    static Map<String, Object> eventVariable(UserEvent event) {
        Map<String, Object> variable = new HashMap<>(toCelMap(event.properties()));
        variable.put("type", event.type());
        variable.put("occurredAt", event.occurredAt());
        return Collections.unmodifiableMap(variable);
    }

    /** The {@code user} variable: the user's attributes. */
    static Map<String, Object> userVariable(UserEvent event) {
        return Collections.unmodifiableMap(toCelMap(event.userAttributes()));
    }

    /**
     * One value: {@code null} to the CEL null, a whole number that fits a long to a CEL int, any other number to a
     * CEL double; lists and maps recursively; strings, booleans and instants (CEL timestamps) as they are.
     */
    static Object toCel(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Instant) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return fromDecimal(decimal);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger integer) {
            return fromDecimal(new BigDecimal(integer));
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return toCelMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            for (Object element : list) {
                converted.add(toCel(element));
            }
            return Collections.unmodifiableList(converted);
        }
        return value.toString();
    }

    private static Object fromDecimal(BigDecimal decimal) {
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notAWholeLong) {
            return decimal.doubleValue();
        }
    }

    private static Map<String, Object> toCelMap(Map<?, ?> map) {
        Map<String, Object> converted = new HashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() != null) {
                converted.put(entry.getKey().toString(), toCel(entry.getValue()));
            }
        }
        return converted;
    }
}
