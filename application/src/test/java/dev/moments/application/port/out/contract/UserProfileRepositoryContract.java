package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.UserProfileRepository.UserDevice;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.referral.Referral;
import java.math.BigDecimal;
import java.time.Instant;
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
    void aUserKeepsTheFirstReferralRecordedForThemOnlyAtTheirPartner() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        Instant at = AT;
        txRun(() -> ports().profiles().refer(partner.id(), List.of(new Referral("bob", "ann", at),
                new Referral("cid", "ann", at.plusSeconds(1)))));
        txRun(() -> ports().profiles().refer(partner.id(), List.of(new Referral("bob", "dan", at.plusSeconds(5)))));

        Map<String, Referral> found = tx(() -> ports().profiles().referrals(partner.id(),
                List.of("bob", "cid", "dan")));
        assertThat(found).containsOnlyKeys("bob", "cid");
        assertThat(found.get("bob")).isEqualTo(new Referral("bob", "ann", at));
        assertThat(found.get("cid")).isEqualTo(new Referral("cid", "ann", at.plusSeconds(1)));
        assertThat(tx(() -> ports().profiles().referrals(other.id(), List.of("bob", "cid")))).isEmpty();
    }

    @Test
    void usersSharingADeviceAreToldApartFromOthersAndFromAnotherPartners() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        txRun(() -> ports().profiles().seenOn(partner.id(), List.of(new UserDevice("ann", "phone-1"),
                new UserDevice("ann", "tablet"), new UserDevice("bob", "phone-2"))));
        txRun(() -> ports().profiles().seenOn(partner.id(), List.of(new UserDevice("ann", "phone-1"),
                new UserDevice("cid", "tablet"))));
        txRun(() -> ports().profiles().seenOn(other.id(), List.of(new UserDevice("bob", "tablet"))));

        assertThat(tx(() -> ports().profiles().shareDevice(partner.id(), "cid", "ann"))).isTrue();
        assertThat(tx(() -> ports().profiles().shareDevice(partner.id(), "ann", "cid"))).isTrue();
        assertThat(tx(() -> ports().profiles().shareDevice(partner.id(), "bob", "ann"))).isFalse();
        assertThat(tx(() -> ports().profiles().shareDevice(partner.id(), "dan", "ann"))).isFalse();
        assertThat(tx(() -> ports().profiles().shareDevice(other.id(), "bob", "ann"))).isFalse();
    }

    @Test
    void usersAreFoundByTheDigestOfTheirLowerCasedEmailAddress() {
        Partner partner = givenPartner();
        txRun(() -> {
            ports().profiles().save(partner.id(), "ann", Map.of("email", "Ann@Example.com"), AT);
            ports().profiles().save(partner.id(), "bob", Map.of("email", "\tann@example.COM\n"), AT);
            ports().profiles().save(partner.id(), "cid", Map.of("email", "cid@example.com"), AT);
            ports().profiles().save(partner.id(), "dan", Map.of("email", 7), AT);
            ports().profiles().save(givenPartner().id(), "eve", Map.of("email", "ann@example.com"), AT);
        });
        String ann = Block.emailKey("ann@example.com");

        assertThat(tx(() -> ports().profiles().usersWithEmail(partner.id(), ann, 10))).containsExactly("ann", "bob");
        assertThat(tx(() -> ports().profiles().usersWithEmail(partner.id(), ann, 1))).containsExactly("ann");
        assertThat(tx(() -> ports().profiles().usersWithEmail(partner.id(), Block.emailKey("x@example.com"), 10)))
                .isEmpty();
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
