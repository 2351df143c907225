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
}
