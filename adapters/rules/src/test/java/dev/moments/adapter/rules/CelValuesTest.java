package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the JSON-like values of an event become CEL values. */
class CelValuesTest {

    @Test
    void wholeNumbersOfEveryJavaTypeAreCelInts() {
        assertThat(CelValues.toCel(7)).isEqualTo(7L);
        assertThat(CelValues.toCel((short) 7)).isEqualTo(7L);
        assertThat(CelValues.toCel((byte) 7)).isEqualTo(7L);
        assertThat(CelValues.toCel(7L)).isEqualTo(7L);
        assertThat(CelValues.toCel(new BigDecimal("7.000"))).isEqualTo(7L);
        assertThat(CelValues.toCel(BigInteger.valueOf(7))).isEqualTo(7L);
    }

    @Test
    void otherNumbersAreCelDoubles() {
        assertThat(CelValues.toCel(new BigDecimal("7.5"))).isEqualTo(7.5d);
        assertThat(CelValues.toCel(BigInteger.TEN.pow(20))).isEqualTo(1e20d);
        assertThat(CelValues.toCel(2.5f)).isEqualTo(2.5d);
        assertThat(CelValues.toCel(2.5d)).isEqualTo(2.5d);
    }

    @Test
    void stringsBooleansAndInstantsAreKeptAndNullIsTheCelNull() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(CelValues.toCel("text")).isEqualTo("text");
        assertThat(CelValues.toCel(true)).isEqualTo(true);
        assertThat(CelValues.toCel(at)).isEqualTo(at);
        assertThat(CelValues.toCel(null)).isSameAs(CelValues.NULL);
    }

    @Test
    void listsAndMapsAreConvertedElementByElement() {
        assertThat(CelValues.toCel(Arrays.asList(1, null, "a", List.of(2))))
                .isEqualTo(Arrays.asList(1L, CelValues.NULL, "a", List.of(2L)));
        Map<Object, Object> map = new HashMap<>();
        map.put(1, new BigDecimal("2"));
        map.put("n", Map.of("m", (short) 3));
        map.put(null, "dropped");
        assertThat(CelValues.toCel(map)).isEqualTo(Map.of("1", 2L, "n", Map.of("m", 3L)));
    }

    @Test
    void anyOtherValueIsItsText() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(CelValues.toCel(id)).isEqualTo("00000000-0000-0000-0000-000000000001");
    }
}
