package dev.moments.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.event.EventPayload;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An event as the partner sends it: its limits, and the fingerprint that tells a retry from another body. */
class RecordEventCommandTest {

    private static final PartnerId PARTNER = new PartnerId("ptn_test");

    private static RecordEventCommand event(Map<String, Object> properties, Map<String, Object> user) {
        return new RecordEventCommand(PARTNER, "evt-1", "order.completed", "u-1", null, null, properties, null, user);
    }

    private static String fingerprint(Map<String, Object> properties) {
        return event(properties, Map.of()).fingerprint();
    }

    private static Map<String, Object> entries(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> "k" + i, i -> (Object) i));
    }

    @Test
    void anEventCarriesAtMost200PropertiesAnd200UserAttributes() {
        int most = RecordEventCommand.MAX_PROPERTIES;
        assertThat(event(entries(most), entries(most)).properties()).hasSize(most);

        assertThatThrownBy(() -> event(entries(most + 1), Map.of())).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("properties");
        assertThatThrownBy(() -> event(Map.of(), entries(most + 1))).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("user");
    }

    @Test
    void thePayloadLimitsApply() {
        String tooLong = "x".repeat(EventPayload.MAX_STRING_LENGTH + 1);

        assertThatThrownBy(() -> event(Map.of("note", tooLong), Map.of())).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("properties.note");
    }

    @Test
    void aRetryOfTheSameBodyHasTheSameFingerprint_whateverItsKeyOrderOrNumberFormatting() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", "a");
        item.put("qty", new BigDecimal("1"));
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("total", new BigDecimal("10.0"));
        ordered.put("items", List.of(item));
        Map<String, Object> itemReordered = new LinkedHashMap<>();
        itemReordered.put("qty", new BigDecimal("1.00"));
        itemReordered.put("sku", "a");
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("items", List.of(itemReordered));
        reordered.put("total", new BigDecimal("10"));

        assertThat(fingerprint(ordered)).isEqualTo(fingerprint(reordered));
    }

    @Test
    void anyOtherBodyHasAnotherFingerprint() {
        String base = fingerprint(Map.of("total", new BigDecimal("10")));

        assertThat(fingerprint(Map.of("amount", new BigDecimal("10")))).as("another key").isNotEqualTo(base);
        assertThat(fingerprint(Map.of("total", new BigDecimal("11")))).as("another value").isNotEqualTo(base);
        assertThat(fingerprint(Map.of("flag", "true"))).as("a string is not a boolean")
                .isNotEqualTo(fingerprint(Map.of("flag", true)));
        assertThat(fingerprint(Map.of("items", List.of("a")))).as("another list")
                .isNotEqualTo(fingerprint(Map.of("items", List.of("b"))))
                .isNotEqualTo(fingerprint(Map.of("items", List.of())));
        assertThat(event(Map.of(), Map.of("tier", "gold")).fingerprint()).as("other user attributes")
                .isNotEqualTo(event(Map.of(), Map.of("tier", "silver")).fingerprint());
    }
}
