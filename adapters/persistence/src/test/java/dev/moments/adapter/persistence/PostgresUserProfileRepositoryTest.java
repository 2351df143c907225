package dev.moments.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.partner.Partner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User attributes on PostgreSQL: JSON types, nested nulls and numbers, and the upsert. */
@QuarkusTest
class PostgresUserProfileRepositoryTest {

    @Inject
    TestData data;

    @Test
    void everyNumber_evenNestedOrWrittenAsAnInteger_comesBackAsABigDecimalWithItsScale_andNullsSurvive() {
        Partner partner = data.partner();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("country", "US");
        address.put("zip", null);
        List<Object> scores = new ArrayList<>(Arrays.asList(new BigDecimal("1.50"), null, 3L, 2.25, List.of(true)));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("level", 12);
        attributes.put("spend", new BigDecimal("42.50"));
        attributes.put("big", new BigDecimal("123456789012345678901234567890.000000001"));
        attributes.put("address", address);
        attributes.put("scores", scores);
        attributes.put("nothing", null);
        attributes.put("empty", Map.of());
        data.txRun(() -> data.profiles.save(partner.id(), "u-1", attributes, TestData.AT));

        Map<String, Object> found = data.tx(() -> data.profiles.find(partner.id(), "u-1"));

        assertThat(found).containsOnlyKeys("level", "spend", "big", "address", "scores", "nothing", "empty");
        assertThat(found.get("level")).isEqualTo(new BigDecimal("12"));
        assertThat(found.get("spend")).isEqualTo(new BigDecimal("42.50"));
        assertThat(found.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890.000000001"));
        assertThat(found.get("address")).isEqualTo(address);
        assertThat(found.get("scores")).isEqualTo(
                Arrays.asList(new BigDecimal("1.50"), null, new BigDecimal("3"), new BigDecimal("2.25"), List.of(true)));
        assertThat(found).containsEntry("nothing", null).containsEntry("empty", Map.of());
    }

    @Test
    void savingAgain_mergesOverTheStoredObject_andKeepsOneRow() {
        Partner partner = data.partner();
        data.txRun(() -> data.profiles.save(partner.id(), "u-1", Map.of("plan", "free", "vip", false), TestData.AT));
        data.txRun(() -> data.profiles.save(partner.id(), "u-1", Map.of("plan", "pro", "segments", List.of("a")),
                TestData.AT.plusSeconds(1)));

        assertThat(data.tx(() -> data.profiles.find(partner.id(), "u-1")))
                .isEqualTo(Map.of("plan", "pro", "vip", false, "segments", List.of("a")));
        Object rows = data.tx(() -> Store.em()
                .createNativeQuery("select count(*) from user_profiles where partner_id = :p", Long.class)
                .setParameter("p", partner.id().value()).getSingleResult());
        assertThat(rows).isEqualTo(1L);
    }
}
