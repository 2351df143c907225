package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.moments.domain.event.EventPayload;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON value straight into the plain values the core takes (null, Boolean, String, BigDecimal, List, Map),
 * token by token with an explicit stack (no recursion, no path built per level), counting the values as they come:
 * past the budget it stops at once, so an oversized value is refused before it is held in memory, never after.
 */
public final class PlainJson {

    /** The largest exponent (or number of decimals) of any number read: {@code 1e2147483647} is not a number here. */
    public static final int MAX_EXPONENT = 1_000;

    private PlainJson() {
    }

    /**
     * The value at the parser's current token, with at most {@code maxValues} values in it (each object entry and
     * list item counts) and nested at most {@code maxDepth} deep below it.
     *
     * @throws UnacceptableValueException past a budget (422), or for a number beyond {@link #MAX_EXPONENT}
     */
    static Object read(JsonParser parser, int maxValues, int maxDepth) throws IOException {
        return read(parser, new Budget(maxValues, "at most " + maxValues + " values"), maxDepth);
    }

    /** How many values a read may take, and what a refusal says. */
    static final class Budget {
        private final int max;
        private final String refusal;
        private int used;

        Budget(int max, String refusal) {
            this.max = max;
            this.refusal = refusal;
        }

        /** How many values the reads of this budget took. */
        int used() {
            return used;
        }
    }

    static Object read(JsonParser parser, Budget budget, int maxDepth) throws IOException {
        Deque<Object> open = new ArrayDeque<>(); // the containers being filled, innermost first
        Deque<String> names = new ArrayDeque<>(); // for each open object, the name of the entry being read
        JsonToken token = parser.currentToken();
        while (true) {
            Object value;
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= maxDepth) {
                        throw new UnacceptableValueException(parser, "values nest at most " + maxDepth
                                + " levels deep", path(open, names));
                    }
                    open.push(token == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>()
                            : new ArrayList<>());
                    token = parser.nextToken();
                    continue;
                }
                case FIELD_NAME -> {
                    names.push(parser.currentName());
                    token = parser.nextToken();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> value = open.pop();
                case VALUE_STRING -> value = parser.getText();
                case VALUE_NUMBER_INT -> value = number(parser, new BigDecimal(parser.getBigIntegerValue()), open, names);
                case VALUE_NUMBER_FLOAT -> value = number(parser, parser.getDecimalValue(), open, names);
                case VALUE_TRUE -> value = Boolean.TRUE;
                case VALUE_FALSE -> value = Boolean.FALSE;
                case VALUE_NULL -> value = null;
                default -> throw JsonMappingException.from(parser, "unexpected " + token);
            }
            if (open.isEmpty()) {
                return value;
            }
            if (++budget.used > budget.max) {
                throw new UnacceptableValueException(parser, budget.refusal, path(open, names));
            }
            add(open.peek(), names, value);
            token = parser.nextToken();
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Object container, Deque<String> names, Object value) {
        if (container instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(names.pop(), value);
        } else {
            ((List<Object>) container).add(value);
        }
    }

    /**
     * Like {@link #read}, but a value refused for its content or size is skipped to its end and answered as a
     * {@link Refused}, so the parser is ready for the next value: a bad item of a list fails alone.
     */
    static Object readOrSkip(JsonParser parser, Budget budget, int maxDepth) throws IOException {
        int depth = parser.getParsingContext().getNestingDepth();
        try {
            return read(parser, budget, maxDepth);
        } catch (UnacceptableValueException refused) {
            while (parser.getParsingContext().getNestingDepth() >= depth && parser.nextToken() != null) {
                // the rest of the value: read, not kept
            }
            return new Refused(refused);
        }
    }

    /** A value that was read past and refused. */
    public record Refused(UnacceptableValueException reason) {
    }

    /** A number whose exponent stays within {@link #MAX_EXPONENT}, whatever its few digits say. */
    public static BigDecimal number(JsonParser parser, BigDecimal number) throws UnacceptableValueException {
        return number(parser, number, new ArrayDeque<>(), new ArrayDeque<>());
    }

    private static BigDecimal number(JsonParser parser, BigDecimal number, Deque<Object> open, Deque<String> names)
            throws UnacceptableValueException {
        if (number.scale() > MAX_EXPONENT || number.scale() < -MAX_EXPONENT) {
            throw new UnacceptableValueException(parser, "numbers have an exponent of at most " + MAX_EXPONENT,
                    path(open, names));
        }
        return number;
    }

    /**
     * Where the reader is below the value it started at, e.g. {@code .items[3].sku}: each open container after the
     * first is the value of a name (its parent an object) or of the next index (its parent a list), and so is the
     * value being read now. Built only for a refusal.
     */
    private static String path(Deque<Object> open, Deque<String> names) {
        StringBuilder path = new StringBuilder();
        Iterator<String> name = names.descendingIterator();
        Iterator<Object> containers = open.descendingIterator();
        while (containers.hasNext()) {
            Object container = containers.next();
            if (container instanceof Map<?, ?>) {
                if (!name.hasNext()) {
                    break;
                }
                String key = name.next();
                path.append('.').append(key.length() > 40 ? key.substring(0, 40) + "…" : key);
            } else {
                path.append('[').append(((List<?>) container).size()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * An event's {@code properties} or {@code user} block: an object (or null) read within the limits of
     * {@link EventPayload}, which the command checks in full afterwards.
     */
    public static final class Payload extends StdDeserializer<Map<String, Object>> {

        public Payload() {
            super(Map.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.START_OBJECT)) {
                throw context.wrongTokenException(parser, Map.class, JsonToken.START_OBJECT, "expected an object");
            }
            return (Map<String, Object>) read(parser, new Budget(EventPayload.MAX_VALUES, "an event carries at most "
                    + EventPayload.MAX_VALUES + " values in properties and user together"), EventPayload.MAX_DEPTH);
        }
    }
}
