package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryAwardRepository;
import dev.moments.application.fixtures.ReversibleTokenSealer;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Award events get their award's redemption link as they leave: only award events, of an award with a token. */
class AwardLinksTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    static final PartnerId PARTNER = new PartnerId("ptn_1");
    /** A redemption token: 43 characters of base64url. */
    static final String TOKEN = "t".repeat(43);

    private final InMemoryAwardRepository awards = new InMemoryAwardRepository();
    private final ReversibleTokenSealer sealer = new ReversibleTokenSealer();
    private final AwardLinks links = new AwardLinks(awards, sealer,
            token -> "https://rewards.example.com/r/" + token.value());

    /** An earned award. */
    static Award award(String id) {
        return new Award(new AwardId(id), PARTNER, new MomentId("mom_1"), "u-" + id, null, 1, AwardStatus.EARNED,
                Money.of("10.00", "USD"), false, "evt-" + id, "digest-" + id, AT, AT, AT.plus(Duration.ofDays(30)), AT);
    }

    private void awardWithToken(String id, String token) {
        awards.insert(award(id), sealer.seal(token));
    }

    private static OutboxEvent event(String type, Map<String, Object> data) {
        return new OutboxEvent("evt_1", PARTNER, type, data, AT);
    }

    @Test
    void anAwardEventGetsItsAwardsLink_besideWhatItCarried() {
        awardWithToken("awd_1", TOKEN);
        OutboxEvent earned = event("award.earned", Map.of("id", "awd_1", "userId", "u-1"));

        OutboxEvent sent = links.withRedeemUrls(List.of(earned)).get(0);

        assertThat(sent.data()).containsExactlyInAnyOrderEntriesOf(Map.of("id", "awd_1", "userId", "u-1",
                AwardLinks.FIELD, "https://rewards.example.com/r/" + TOKEN));
        assertThat(sent.id()).isEqualTo(earned.id());
        assertThat(sent.type()).isEqualTo(earned.type());
        assertThat(sent.partnerId()).isEqualTo(earned.partnerId());
        assertThat(sent.createdAt()).isEqualTo(earned.createdAt());
    }

    @Test
    void aBatchKeepsItsOrder_eachAwardEventWithItsOwnAwardsLink() {
        awardWithToken("awd_1", TOKEN);
        awardWithToken("awd_2", "u".repeat(43));
        OutboxEvent first = event("award.earned", Map.of("id", "awd_1"));
        OutboxEvent other = event("moment.status_changed", Map.of("id", "mom_1"));
        OutboxEvent second = event("award.cancelled", Map.of("id", "awd_2"));

        List<OutboxEvent> sent = links.withRedeemUrls(List.of(first, other, second));

        assertThat(sent).extracting(event -> event.data().get(AwardLinks.FIELD)).containsExactly(
                "https://rewards.example.com/r/" + TOKEN, null, "https://rewards.example.com/r/" + "u".repeat(43));
        assertThat(sent.get(1)).isSameAs(other);
    }

    @Test
    void otherEventsOfTheAward_eventsWithoutAnAward_andEventsWithALinkAlready_goAsTheyAre() {
        awardWithToken("awd_1", TOKEN);

        for (OutboxEvent event : List.of(
                event("fulfillment.updated", Map.of("awardId", "awd_1")),
                event("award.earned", Map.of("userId", "u-1")),
                event("award.earned", Map.of("id", "awd_1", AwardLinks.FIELD, "https://elsewhere.example/r/1")))) {
            assertThat(links.withRedeemUrls(List.of(event)).get(0)).isSameAs(event);
        }
    }

    @Test
    void anAwardWithoutAStoredTokenLeavesItsEventAsItIs() {
        awards.insert(award("awd_2"), "not sealed by this sealer");
        OutboxEvent unknown = event("award.earned", Map.of("id", "awd_9"));
        OutboxEvent unsealable = event("award.earned", Map.of("id", "awd_2"));

        assertThat(links.withRedeemUrls(List.of(unknown, unsealable))).containsExactly(unknown, unsealable);
    }
}
