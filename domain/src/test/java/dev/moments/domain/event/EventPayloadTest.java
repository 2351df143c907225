package dev.moments.domain.event;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one event may carry in {@code properties} and {@code user} together; a refusal names the offending value by its
 * path, as the API shows it.
 */
class EventPayloadTest {

    private static final String NUL = "\u0000";

    @Test
    void absentBlocksCarryNothing() {
        assertThatCode(() -> EventPayload.check(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> EventPayload.check(Map.of(), null)).doesNotThrowAnyException();
        assertThatCode(() -> EventPayload.check(null, Map.of("plan", "free"))).doesNotThrowAnyException();
    }

    @Test
    void aRefusalNamesTheValueByItsPath_inEitherBlock() {
        Map<String, Object> properties = Map.of("items", List.of(Map.of("sku", "ok"), Map.of("sku", "a" + NUL)));

        assertRefused(properties, null, "properties.items[1].sku", "text must not contain NUL characters");
        assertRefused(null, properties, "user.items[1].sku", "text must not contain NUL characters");
        assertRefused(Map.of("total", BigDecimal.TEN), Map.of("plan", NUL), "user.plan",
                "text must not contain NUL characters");
    }

    @Test
    void aLongKeyIsNamedByItsFirst40Characters() {
        String forty = "k".repeat(40);

        assertRefused(Map.of(forty, NUL), null, "properties." + forty, "text must not contain NUL characters");
        assertRefused(Map.of(forty + "xyz", NUL), null, "properties." + forty + "…",
                "text must not contain NUL characters");
    }

    @Test
    void keysHaveAtMost128Characters_ofWellFormedTextWithoutNul() {
        assertAccepted(Map.of("k".repeat(128), true), null);

        assertRefused(Map.of("nested", Map.of("k".repeat(129), true)), null,
                "properties.nested." + "k".repeat(40) + "…", "keys are at most 128 characters long");
        assertRefused(Map.of(NUL + "key", true), null, "properties." + NUL + "key",
                "text must not contain NUL characters");
        assertRefused(Map.of("key\uD83C", true), null, "properties.key\uD83C",
                "text must be well-formed Unicode (a lone surrogate)");
    }

    @Test
    void stringsHaveAtMost8192Characters_ofWellFormedTextWithoutNul() {
        assertAccepted(Map.of("note", "n".repeat(8_192), "party", "\uD83C\uDF89"), null);

        assertRefused(Map.of("note", "n".repeat(8_193)), null, "properties.note",
                "strings are at most 8192 characters long");
        assertRefused(Map.of("note", NUL + "at the start"), null, "properties.note",
                "text must not contain NUL characters");
        assertRefused(Map.of("note", "a lone \uDF89"), null, "properties.note",
                "text must be well-formed Unicode (a lone surrogate)");
    }

    @Test
    void numbersHaveAtMost40Digits_andAnExponentOfAtMost40() {
        assertAccepted(Map.of("digits", new BigDecimal("9".repeat(40)), "small", new BigDecimal("1E-40"),
                "large", new BigDecimal("1E+40"), "flag", true, "none", Collections.singletonList(null)), null);

        String refusal = "numbers have at most 40 digits and an exponent of at most 40";
        assertRefused(Map.of("n", new BigDecimal("9".repeat(41))), null, "properties.n", refusal);
        assertRefused(Map.of("n", new BigDecimal("1E-41")), null, "properties.n", refusal);
        assertRefused(Map.of("n", new BigDecimal("1E+41")), null, "properties.n", refusal);
    }

    @Test
    void objectsNestAtMost7LevelsBelowTheirBlock_theRefusalNamingTheEighth() {
        assertAccepted(Map.of("v", nestedObjects(7)), null);

        assertRefused(Map.of("v", nestedObjects(8)), null, "properties" + ".v".repeat(8),
                "values nest at most 8 levels deep");
    }

    @Test
    void listsNestAtMost7LevelsBelowTheirBlock_theRefusalNamingTheEighth() {
        assertAccepted(null, Map.of("v", nestedLists(7)));

        assertRefused(null, Map.of("v", nestedLists(8)), "user.v" + "[0]".repeat(7),
                "values nest at most 8 levels deep");
    }

    @Test
    void anEventCarriesAtMost1000Values_everyEntryAndItemCountingInBothBlocksTogether() {
        assertAccepted(Map.of("items", items(999)), null); // the entry and its 999 items
        assertAccepted(entries("p", 500), entries("u", 500));
        assertAccepted(Map.of("a", Map.of("b", items(998))), null);

        String refusal = "an event carries at most 1000 values in properties and user together";
        assertRefused(Map.of("items", items(1_000)), null, "properties.items[999]", refusal);
        assertRefused(entries("p", 500), entries("u", 501), "user.u500", refusal);
        assertRefused(Map.of("a", Map.of("b", items(999))), null, "properties.a.b[998]", refusal);
    }

    @Test
    void anEventCarriesAtMost65536CharactersOfKeysAndStrings_inBothBlocksTogether() {
        // keys p0..p3 and u0..u3 take 16 characters, the strings the other 65,520
        Map<String, Object> properties = strings("p", 8_192, 8_192, 8_192, 8_192);

        assertAccepted(properties, strings("u", 8_192, 8_192, 8_192, 8_176));

        assertRefused(properties, strings("u", 8_192, 8_192, 8_192, 8_177), "user.u3",
                "an event carries at most 65536 characters of keys and strings in properties and user together");
    }

    private static void assertAccepted(Map<String, ?> properties, Map<String, ?> user) {
        assertThatCode(() -> EventPayload.check(properties, user)).doesNotThrowAnyException();
    }

    private static void assertRefused(Map<String, ?> properties, Map<String, ?> user, String field, String message) {
        assertThatThrownBy(() -> EventPayload.check(properties, user)).isInstanceOf(InvalidValueException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo(field);
    }

    /** {@code {"v": {"v": ... {}}}} with the given number of objects. */
    private static Object nestedObjects(int levels) {
        Object value = Map.of();
        for (int level = 1; level < levels; level++) {
            value = Map.of("v", value);
        }
        return value;
    }

    /** {@code [[ ... []]]} with the given number of lists. */
    private static Object nestedLists(int levels) {
        Object value = List.of();
        for (int level = 1; level < levels; level++) {
            value = List.of(value);
        }
        return value;
    }

    private static List<Object> items(int count) {
        return new ArrayList<>(Collections.nCopies(count, BigDecimal.ONE));
    }

    /** {@code count} entries named {@code prefix0, prefix1, ...} in that order. */
    private static Map<String, Object> entries(String prefix, int count) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(prefix + i, true);
        }
        return entries;
    }

    /** Strings of the given lengths named {@code prefix0, prefix1, ...} in that order. */
    private static Map<String, Object> strings(String prefix, int... lengths) {
        Map<String, Object> strings = new LinkedHashMap<>();
        for (int i = 0; i < lengths.length; i++) {
            strings.put(prefix + i, "s".repeat(lengths[i]));
        }
        return strings;
    }
}
