package dev.moments.adapter.persistence;

import static dev.moments.adapter.persistence.TestData.AT;
import static dev.moments.adapter.persistence.TestData.award;
import static dev.moments.adapter.persistence.TestData.event;
import static dev.moments.adapter.persistence.TestData.unique;
import static dev.moments.adapter.persistence.TestData.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.domain.award.Award;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.SequenceTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Moments, rewards, awards, keys and events on PostgreSQL: compare-and-set, freshness, paging and partner scoping. */
@QuarkusTest
class PostgresRepositoriesTest {

    @Inject
    TestData data;

    @Test
    void givenADraftMoment_updateStatusFromAStaleExpectedStatus_changesNothing() {
        Partner partner = data.partner();
        Moment draft = data.moment(partner, "10.00", "1.00");
        Moment live = draft.launch(true, AT.plusSeconds(5));

        assertThat(data.tx(() -> data.moments.updateStatus(live, MomentStatus.TEST))).isFalse();
        assertThat(data.tx(() -> data.moments.find(partner.id(), draft.id()))).contains(draft);

        assertThat(data.tx(() -> data.moments.updateStatus(live, MomentStatus.DRAFT))).isTrue();
        Moment found = data.tx(() -> data.moments.find(partner.id(), draft.id())).orElseThrow();
        assertThat(found.status()).isEqualTo(MomentStatus.LIVE);
        assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(5));
        assertThat(data.tx(() -> data.moments.updateStatus(live, MomentStatus.DRAFT))).isFalse();
    }

    @Test
    void twoConcurrentTransitionsFromTheSameStatus_onlyOneApplies() throws Exception {
        Partner partner = data.partner();
        Moment live = data.moment(partner, MomentBuilder.aMoment().status(MomentStatus.LIVE), usd("10.00"),
                usd("1.00"));
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Moment target = i % 2 == 0 ? live.pause(AT.plusSeconds(i)) : live.finish(AT.plusSeconds(i));
            attempts.add(CompletableFuture.supplyAsync(
                    () -> data.tx(() -> data.moments.updateStatus(target, MomentStatus.LIVE))));
        }
        long applied = 0;
        for (CompletableFuture<Boolean> attempt : attempts) {
            if (attempt.get(30, TimeUnit.SECONDS)) {
                applied++;
            }
        }
        assertThat(applied).isEqualTo(1);
    }

    @Test
    void givenAMomentReadEarlierInTheTransaction_aStatusChange_isSeenByFindListAndFindListening() {
        Partner partner = data.partner();
        Moment draft = data.moment(partner, MomentBuilder.aMoment().trigger(new EventTrigger("app.opened", null)),
                usd("10.00"), usd("1.00"));
        data.tx(() -> {
            assertThat(data.moments.find(partner.id(), draft.id())).contains(draft);
            assertThat(data.moments.list(partner.id(), PageRequest.first()).items()).containsExactly(draft);
            assertThat(data.moments.findListening(partner.id(), "app.opened", List.of(MomentStatus.LIVE))).isEmpty();

            assertThat(data.moments.updateStatus(draft.launch(true, AT), MomentStatus.DRAFT)).isTrue();

            assertThat(data.moments.find(partner.id(), draft.id()).orElseThrow().status())
                    .isEqualTo(MomentStatus.LIVE);
            assertThat(data.moments.list(partner.id(), PageRequest.first()).items())
                    .extracting(Moment::status).containsExactly(MomentStatus.LIVE);
            assertThat(data.moments.findListening(partner.id(), "app.opened", List.of(MomentStatus.LIVE)))
                    .extracting(Moment::id).containsExactly(draft.id());
            return null;
        });
    }

    @Test
    void anotherPartnersIds_areNotFoundByAnyPort() {
        Partner owner = data.partner();
        Partner other = data.partner();
        Moment moment = data.moment(owner, "10.00", "1.00");
        Reward reward = data.reward(owner);
        Award award = award(moment, "u-1", 1);
        ApiKey key = new ApiKey(new ApiKeyId(unique("key_")), owner.id(), ApiKeyDigest.of(unique("mk_")), AT, null);
        data.txRun(() -> {
            data.awards.insert(award, "sealed");
            data.partners.insertKey(key);
            data.events.insert(event(owner, "evt-owned"));
        });

        data.tx(() -> {
            assertThat(data.moments.find(other.id(), moment.id())).isEmpty();
            assertThat(data.moments.list(other.id(), PageRequest.first()).items()).isEmpty();
            assertThat(data.moments.findListening(other.id(), "order.completed", List.of(MomentStatus.DRAFT)))
                    .isEmpty();
            assertThat(data.moments.updateStatus(
                    new MomentBuilder().id(moment.id().value()).partner(other.id()).rewards(reward.id()).build()
                            .launch(true, AT), MomentStatus.DRAFT)).isFalse();
            assertThat(data.rewards.find(other.id(), reward.id())).isEmpty();
            assertThat(data.rewards.list(other.id(), PageRequest.first()).items()).isEmpty();
            assertThat(data.awards.find(other.id(), award.id())).isEmpty();
            assertThat(data.awards.findAll(other.id(), List.of(award.id()))).isEmpty();
            assertThat(data.partners.findKey(other.id(), key.id())).isEmpty();
            assertThat(data.events.find(other.id(), "evt-owned")).isEmpty();
            return null;
        });
        assertThat(data.tx(() -> data.moments.find(owner.id(), moment.id())).orElseThrow().status())
                .isEqualTo(MomentStatus.DRAFT);
    }

    @Test
    void aCatalogOfSevenRewards_isListedInPagesOfThreeInIdOrder_withoutGapsOrRepeats() {
        Partner partner = data.partner();
        List<Reward> stored = IntStream.range(0, 7).mapToObj(i -> data.reward(partner)).toList();
        List<Reward> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<Reward> page = data.tx(() -> data.rewards.list(partner.id(), new PageRequest(3, after)));
            seen.addAll(page.items());
            sizes.add(page.items().size());
            cursor = page.next();
        } while (cursor != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(
                stored.stream().sorted(Comparator.comparing(reward -> reward.id().value())).toList());
    }

    @Test
    void aFullLastPage_mayPointToAnEmptyOneButNeverRepeats() {
        Partner partner = data.partner();
        data.reward(partner);
        data.reward(partner);
        Page<Reward> first = data.tx(() -> data.rewards.list(partner.id(), new PageRequest(2, null)));
        assertThat(first.items()).hasSize(2);
        if (first.next() != null) {
            assertThat(data.tx(() -> data.rewards.list(partner.id(), new PageRequest(2, first.next()))).items())
                    .isEmpty();
        }
    }

    @Test
    void aMomentListeningToOneTypeInOneStatus_isFoundOnlyForThatPartnerTypeAndStatus() {
        Partner partner = data.partner();
        Moment live = data.moment(partner, MomentBuilder.aMoment().status(MomentStatus.LIVE)
                .trigger(new EventTrigger("level.completed", "event.level == 10")), usd("10.00"), usd("1.00"));

        assertThat(data.tx(() -> data.moments.findListening(partner.id(), "level.completed",
                List.of(MomentStatus.LIVE, MomentStatus.TEST)))).containsExactly(live);
        assertThat(data.tx(() -> data.moments.findListening(partner.id(), "level.started",
                List.of(MomentStatus.LIVE)))).isEmpty();
        assertThat(data.tx(() -> data.moments.findListening(partner.id(), "level.completed",
                List.of(MomentStatus.PAUSED)))).isEmpty();
        assertThat(data.tx(() -> data.moments.findListening(partner.id(), "level.completed", List.of()))).isEmpty();
    }

    @Test
    void anEventsOutcome_isStoredAsJsonAndReadBack() {
        Partner partner = data.partner();
        Moment moment = data.moment(partner, "10.00", "1.00");
        EventOutcome outcome = new EventOutcome(List.of(), List.of(
                new EventOutcome.Progress(moment.id(), false, new BigDecimal("12.50"), new BigDecimal("50.00")),
                new EventOutcome.Progress(moment.id(), true, BigDecimal.ONE, BigDecimal.ONE)), List.of(moment.id()));
        data.txRun(() -> {
            data.events.insert(event(partner, "evt-plain"));
            assertThat(data.events.find(partner.id(), "evt-plain").orElseThrow().outcome()).isNull();
            data.events.insert(event(partner, "evt-json").withOutcome(outcome));
            assertThat(data.events.find(partner.id(), "evt-json").orElseThrow().outcome()).isEqualTo(outcome);
        });
        Object type = data.tx(() -> Store.em()
                .createNativeQuery("select jsonb_typeof(outcome -> 'progress') from events where event_id = 'evt-json'"
                        + " and partner_id = :p")
                .setParameter("p", partner.id().value()).getSingleResult());
        assertThat(type).isEqualTo("array");
    }

    @Test
    void triggersAreStoredAsTheApiWritesThem_andEveryEventTypeTheyListenToIsIndexed() {
        Partner partner = data.partner();
        Match watched = new Match("video.watched", "event.seconds >= 30");
        Trigger trigger = new AllTrigger(List.of(
                new CountTrigger(watched, 10, Duration.ofDays(7)),
                new SumTrigger(new Match("order.completed", null), "total", new BigDecimal("50.00"), null),
                new AnyTrigger(List.of(
                        new DaysTrigger(new Match("app.opened", null), 3, true, Duration.ofHours(100)),
                        new SequenceTrigger(List.of(new Match("user.signed_up", null), watched),
                                Duration.ofDays(45))))));
        Moment moment = data.moment(partner, MomentBuilder.aMoment().trigger(trigger), usd("10.00"), usd("1.00"));
        Moment direct = data.moment(partner, MomentBuilder.aMoment().trigger(new DirectTrigger()), usd("10.00"),
                usd("1.00"));

        assertThat(Json.read(storedTrigger(moment))).isEqualTo(Json.read("{\"kind\":\"all\",\"of\":["
                + "{\"kind\":\"count\",\"event\":\"video.watched\",\"where\":\"event.seconds >= 30\","
                + "\"atLeast\":10,\"within\":\"P7D\"},"
                + "{\"kind\":\"sum\",\"event\":\"order.completed\",\"where\":null,\"field\":\"total\","
                + "\"atLeast\":\"50.00\",\"within\":null},"
                + "{\"kind\":\"any\",\"of\":["
                + "{\"kind\":\"days\",\"event\":\"app.opened\",\"where\":null,\"atLeast\":3,"
                + "\"consecutive\":true,\"within\":\"PT100H\"},"
                + "{\"kind\":\"sequence\",\"steps\":[{\"event\":\"user.signed_up\",\"where\":null},"
                + "{\"event\":\"video.watched\",\"where\":\"event.seconds >= 30\"}],\"within\":\"P45D\"}]}]}"));
        assertThat(Json.read(storedTrigger(direct))).isEqualTo(Json.read("{\"kind\":\"direct\"}"));
        assertThat(data.tx(() -> data.moments.find(partner.id(), moment.id()))).contains(moment);
        assertThat(eventTypes(moment)).containsExactlyInAnyOrder("video.watched", "order.completed", "app.opened",
                "user.signed_up");
        assertThat(eventTypes(direct)).isEmpty();
    }

    @Test
    void momentsInStatus_areThePartnersOnly_andNoStatusFindsNothing() {
        Partner partner = data.partner();
        Moment live = data.moment(partner, MomentBuilder.aMoment().status(MomentStatus.LIVE), usd("10.00"),
                usd("1.00"));
        data.moment(data.partner(), MomentBuilder.aMoment().status(MomentStatus.LIVE), usd("10.00"), usd("1.00"));
        assertThat(data.tx(() -> data.moments.findInStatus(partner.id(), List.of(MomentStatus.LIVE))))
                .containsExactly(live);
        assertThat(data.tx(() -> data.moments.findInStatus(partner.id(), List.of()))).isEmpty();
    }

    private String storedTrigger(Moment moment) {
        return (String) data.tx(() -> Store.em()
                .createNativeQuery("select cast(trigger as text) from moments where id = :id", String.class)
                .setParameter("id", moment.id().value()).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String> eventTypes(Moment moment) {
        return data.tx(() -> Store.em()
                .createNativeQuery("select event_type from moment_event_types where moment_id = :id", String.class)
                .setParameter("id", moment.id().value()).getResultList());
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Partner partner = data.partner();
        Instant precise = Instant.parse("2026-11-25T10:00:00.123456Z");
        RecordedEvent event = new RecordedEvent(partner.id(), "evt-micros", "f", "t", "u", precise, precise, null);
        data.txRun(() -> data.events.insert(event));
        assertThat(data.tx(() -> data.events.find(partner.id(), "evt-micros")).orElseThrow()).isEqualTo(event);
    }

    @Test
    void aRevokedKey_isStillFoundByItsDigest_withTheTimeOfRevocation() {
        Partner partner = data.partner();
        String secret = unique("mk_");
        ApiKey key = new ApiKey(new ApiKeyId(unique("key_")), partner.id(), ApiKeyDigest.of(secret), AT, null);
        data.txRun(() -> data.partners.insertKey(key));
        data.txRun(() -> data.partners.updateKey(key.revokedAt(AT.plusSeconds(1))));
        assertThat(data.tx(() -> data.partners.findKeyByDigest(ApiKeyDigest.of(secret))))
                .contains(key.revokedAt(AT.plusSeconds(1)));
    }

    @Test
    void aReadOutsideAnyTransaction_seesWhatWasCommitted() {
        Partner partner = data.partner();
        Moment moment = data.moment(partner, "10.00", "1.00");
        assertThat(data.partners.find(partner.id())).contains(partner);
        assertThat(data.moments.find(partner.id(), moment.id())).contains(moment);
        assertThat(data.ledger.find(moment.id())).isPresent();
    }
}
