package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.partner.Partner;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@code UserProfileRepository} must do. */
public abstract class UserProfileRepositoryContract extends ContractSupport {

    @Test
    void anUnknownUserHasNoAttributes() {
        assertThat(tx(() -> ports().profiles().find(givenPartner().id(), "nobody"))).isEmpty();
    }

    @Test
    void savedAttributesComeBackWithTheirJsonTypes() {
        Partner partner = givenPartner();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("plan", "free");
        attributes.put("level", new BigDecimal("12"));
        attributes.put("spend", new BigDecimal("42.5"));
        attributes.put("vip", true);
        attributes.put("segments", List.of("first_time_buyers", "ios"));
        attributes.put("address", Map.of("country", "US"));
        attributes.put("nothing", null);
        txRun(() -> ports().profiles().save(partner.id(), "u-1", attributes, AT));

        Map<String, Object> found = tx(() -> ports().profiles().find(partner.id(), "u-1"));
        assertThat(found).containsEntry("plan", "free").containsEntry("vip", true)
                .containsEntry("segments", List.of("first_time_buyers", "ios"))
                .containsEntry("address", Map.of("country", "US"));
        assertThat((BigDecimal) found.get("level")).isEqualByComparingTo("12");
        assertThat((BigDecimal) found.get("spend")).isEqualByComparingTo("42.5");
    }

    @Test
    void savingAgainReplacesTheAttributesAndPartnersDoNotShareUsers() {
        Partner partner = givenPartner();
        txRun(() -> ports().profiles().save(partner.id(), "u-1", Map.of("plan", "free"), AT));
        txRun(() -> ports().profiles().save(partner.id(), "u-1", Map.of("plan", "pro"), AT.plusSeconds(1)));
        assertThat(tx(() -> ports().profiles().find(partner.id(), "u-1"))).isEqualTo(Map.of("plan", "pro"));
        assertThat(tx(() -> ports().profiles().find(givenPartner().id(), "u-1"))).isEmpty();
    }

    @Test
    void theProfilesOfSeveralUsersAreFoundTogetherOnlyForTheirPartner() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        txRun(() -> {
            ports().profiles().save(partner.id(), "u-1", Map.of("plan", "free", "level", new BigDecimal("3")), AT);
            ports().profiles().save(partner.id(), "u-2", Map.of("vip", true, "segments", List.of("ios")), AT);
            ports().profiles().save(other.id(), "u-1", Map.of("plan", "pro"), AT);
            ports().profiles().save(other.id(), "u-3", Map.of("plan", "enterprise"), AT);
        });
        txRun(() -> ports().profiles().save(partner.id(), "u-1", Map.of("plan", "pro"), AT.plusSeconds(1)));

        Map<String, Map<String, Object>> found = tx(() -> ports().profiles().findAll(partner.id(),
                List.of("u-1", "u-2", "u-3", "u-1")));

        assertThat(found.keySet()).contains("u-1", "u-2").isSubsetOf("u-1", "u-2", "u-3");
        assertThat(found.getOrDefault("u-3", Map.of())).isEmpty();
        assertThat(found.get("u-1")).containsOnlyKeys("plan", "level").containsEntry("plan", "pro")
                .isEqualTo(tx(() -> ports().profiles().find(partner.id(), "u-1")));
        assertThat((BigDecimal) found.get("u-1").get("level")).isEqualByComparingTo("3");
        assertThat(found.get("u-2")).isEqualTo(Map.of("vip", true, "segments", List.of("ios")));
        Map<String, Map<String, Object>> others = tx(() -> ports().profiles().findAll(other.id(),
                List.of("u-1", "u-2")));
        assertThat(others.keySet()).contains("u-1").isSubsetOf("u-1", "u-2");
        assertThat(others.get("u-1")).isEqualTo(Map.of("plan", "pro"));
        assertThat(others.getOrDefault("u-2", Map.of())).isEmpty();
        assertThat(tx(() -> ports().profiles().findAll(partner.id(), List.of()))).isEmpty();
    }
}
