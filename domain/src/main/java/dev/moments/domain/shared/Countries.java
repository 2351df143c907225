package dev.moments.domain.shared;

import java.util.Collection;
import java.util.Set;

/** Lists of ISO-3166 alpha-2 country codes, as audiences and rewards restrict where they apply. */
public final class Countries {

    /** The most codes one list may hold (there are 249 ISO-3166 codes). */
    public static final int MAX_COUNTRIES = 250;

    private Countries() {
    }

    /** The codes as a set, each two upper-case letters, at most {@link #MAX_COUNTRIES}; {@code null} is empty. */
    public static Set<String> codes(String field, Collection<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        if (codes.size() > MAX_COUNTRIES) {
            throw new InvalidValueException(field, "at most " + MAX_COUNTRIES + " countries, got " + codes.size());
        }
        for (String code : codes) {
            if (!isCode(code)) {
                throw new InvalidValueException(field, "countries are ISO-3166 alpha-2 codes such as US, got "
                        + (code == null || code.length() <= 10 ? code : code.substring(0, 10) + "…"));
            }
        }
        return Set.copyOf(codes);
    }

    /** Whether the text is two upper-case ASCII letters. */
    public static boolean isCode(String code) {
        return code != null && code.length() == 2 && isUpper(code.charAt(0)) && isUpper(code.charAt(1));
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
