package dev.moments.domain.event;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How much an event may carry in its {@code properties} and {@code user} blocks together, so that no event can make
 * the engine (or a condition evaluated over it) hold more than a few hundred kilobytes: nesting depth, number of
 * values, key and string lengths, the text of all keys and strings, and the size of numbers. A refusal names the
 * offending value by its path, e.g. {@code properties.items[3].sku}.
 */
public final class EventPayload {

    /** The deepest nesting of lists and objects below {@code properties} or {@code user}. */
    public static final int MAX_DEPTH = 8;
    /** The most values in all: every object entry and every list item counts, at any depth. */
    public static final int MAX_VALUES = 1_000;
    /** The longest key of an object. */
    public static final int MAX_KEY_LENGTH = 128;
    /** The longest string value. */
    public static final int MAX_STRING_LENGTH = 8_192;
    /** The most characters of keys and strings together. */
    public static final int MAX_TEXT = 65_536;
    /** The most digits of a number, and the largest exponent. */
    public static final int MAX_DIGITS = 40;

    private int values;
    private int text;

    private EventPayload() {
    }

    /** Checks both blocks of one event against the limits, which they share. */
    public static void check(Map<String, ?> properties, Map<String, ?> user) {
        EventPayload payload = new EventPayload();
        payload.object("properties", properties);
        payload.object("user", user);
    }

    private void object(String root, Map<String, ?> block) {
        if (block == null) {
            return;
        }
        try {
            entries(block, 1);
        } catch (Refused refused) {
            throw new InvalidValueException(root + refused.path, refused.getMessage());
        }
    }

    private void entries(Map<?, ?> map, int depth) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            try {
                count(1);
                if (key.length() > MAX_KEY_LENGTH) {
                    throw new Refused("keys are at most " + MAX_KEY_LENGTH + " characters long");
                }
                text(key);
                value(entry.getValue(), depth);
            } catch (Refused refused) {
                throw refused.under("." + (key.length() > 40 ? key.substring(0, 40) + "…" : key));
            }
        }
    }

    private void value(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            nested(depth);
            entries(map, depth + 1);
        } else if (value instanceof List<?> list) {
            nested(depth);
            for (int i = 0; i < list.size(); i++) {
                try {
                    count(1);
                    value(list.get(i), depth + 1);
                } catch (Refused refused) {
                    throw refused.under("[" + i + "]");
                }
            }
        } else if (value instanceof String string) {
            if (string.length() > MAX_STRING_LENGTH) {
                throw new Refused("strings are at most " + MAX_STRING_LENGTH + " characters long");
            }
            text(string);
        } else if (value instanceof BigDecimal number
                && (number.precision() > MAX_DIGITS || number.scale() > MAX_DIGITS || number.scale() < -MAX_DIGITS)) {
            throw new Refused("numbers have at most " + MAX_DIGITS + " digits and an exponent of at most "
                    + MAX_DIGITS);
        }
    }

    private static void nested(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new Refused("values nest at most " + MAX_DEPTH + " levels deep");
        }
    }

    private void count(int more) {
        values += more;
        if (values > MAX_VALUES) {
            throw new Refused("an event carries at most " + MAX_VALUES + " values in properties and user together");
        }
    }

    private void text(String value) {
        text += value.length();
        if (text > MAX_TEXT) {
            throw new Refused("an event carries at most " + MAX_TEXT
                    + " characters of keys and strings in properties and user together");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new Refused("text must not contain NUL characters");
        }
        if (!Text.isWellFormed(value)) {
            throw new Refused("text must be well-formed Unicode (a lone surrogate)");
        }
    }

    /** A refusal on its way out of the walk, collecting its path only then. */
    private static final class Refused extends RuntimeException {

        private final String path;

        Refused(String message) {
            this(message, "");
        }

        private Refused(String message, String path) {
            super(message, null, false, false);
            this.path = path;
        }

        Refused under(String segment) {
            return new Refused(getMessage(), segment + path);
        }
    }
}
