package dev.moments.domain.shared;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The rules every piece of text the model keeps must follow: well-formed UTF-16 (no lone surrogate, which no
 * database can store faithfully), no control characters (only prose may hold line breaks and tabs), and a length
 * limit. Ids, names and labels are refused, never repaired: two different inputs must never become one value.
 */
public final class Text {

    private Text() {
    }

    /** A required single-line value (an id, a type, a label) of at most {@code max} characters, kept as given. */
    public static String id(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        return optionalId(field, value, max);
    }

    /** Like {@link #id} but {@code null} is allowed (and kept). */
    public static String optionalId(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        checkLength(field, value, max);
        checkCharacters(field, value, false);
        return value;
    }

    /** A required single-line name of at most {@code max} characters, without surrounding blanks. */
    public static String name(String field, String value, int max) {
        return id(field, value, max).strip();
    }

    /** An optional text of at most {@code max} characters that may span lines (line breaks and tabs allowed). */
    public static String prose(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        checkLength(field, value, max);
        checkCharacters(field, value, true);
        return value;
    }

    /**
     * A set of labels (segments, platforms, …): at most {@code maxItems}, each a non-blank single-line value of at
     * most {@code maxLength} characters; a refused entry is named with its index, e.g. {@code audience.segments[3]}.
     */
    public static Set<String> labels(String field, Collection<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > maxItems) {
            throw new InvalidValueException(field, "at most " + maxItems + " entries, got " + values.size());
        }
        Set<String> labels = new LinkedHashSet<>();
        int index = 0;
        for (String value : values) {
            String entry = field + "[" + index++ + "]";
            if (value == null || value.isBlank()) {
                throw new InvalidValueException(entry, "entries must not be empty");
            }
            labels.add(optionalId(entry, value, maxLength));
        }
        return Set.copyOf(labels);
    }

    /** Whether the text is single-line: well-formed, without any control character. */
    public static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return false;
            }
        }
        return isWellFormed(value);
    }

    /** Whether every surrogate of the text is part of a pair, i.e. the text can be written as UTF-8. */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidValueException(field, field + " is longer than " + max + " characters");
        }
    }

    private static void checkCharacters(String field, String value, boolean lineBreaksAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidValueException(field, field + " must not contain control characters (U+"
                        + String.format("%04X", (int) c) + " at " + i + ")");
            }
        }
        if (!isWellFormed(value)) {
            throw new InvalidValueException(field, field + " is not well-formed Unicode (a lone surrogate)");
        }
    }

    /** C0 controls (NUL included), DEL and C1 controls. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
