package dev.moments.application.port.out.contract;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.PageRequest;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.EmailMessage;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.moment.Variant;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code MomentRepository} must do. */
public abstract class MomentRepositoryContract extends ContractSupport {

    @Test
    void aStoredMomentIsFoundWithEveryPartOfItsDefinition() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner, aMoment()
                .trigger(new EventTrigger("order.completed", "event.total >= 25"))
                .audience(new Audience(Set.of("US", "CA"), Set.of("ios"), Set.of("first_time_buyers"), "user.plan == 'free'"))
                .schedule(new Schedule(AT, AT.plus(Duration.ofDays(30)), ZoneId.of("America/New_York")))
                .limits(new Limits(3, 2, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(30)))
                .holdoutPercent(10)
                .variants(new Variant("A", 50, Fixtures.usd("5.00"), List.of(new RewardId("rwd_a"))),
                        new Variant("B", 50, null, List.of())), "100.00", "10.00");

        assertThat(tx(() -> ports().moments().find(partner.id(), moment.id()))).contains(moment);
    }

    @Test
    void aMomentWithOnlyTheRequiredPartsComesBackWithItsDefaults() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner, aMoment().trigger(new EventTrigger("tutorial.completed", null)),
                "10.00", "1.00");
        assertThat(tx(() -> ports().moments().find(partner.id(), moment.id()))).contains(moment);
    }

    @Test
    void anotherPartnersMomentIsNotFound() {
        Moment moment = givenMoment(givenPartner());
        assertThat(tx(() -> ports().moments().find(givenPartner().id(), moment.id()))).isEmpty();
    }

    @Test
    void theStatusChangesOnlyFromTheExpectedOne() {
        Partner partner = givenPartner();
        Moment draft = givenMoment(partner);
        Moment live = draft.launch(true, AT.plusSeconds(1));

        assertThat(tx(() -> ports().moments().updateStatus(live, MomentStatus.TEST))).isFalse();
        assertThat(tx(() -> ports().moments().find(partner.id(), draft.id())).orElseThrow().status())
                .isEqualTo(MomentStatus.DRAFT);
        assertThat(tx(() -> ports().moments().updateStatus(live, MomentStatus.DRAFT))).isTrue();
        assertThat(tx(() -> ports().moments().find(partner.id(), draft.id()))).contains(live);
    }

    @Test
    void theStatusAloneIsReadForItsPartnerOnly() {
        Partner partner = givenPartner();
        Moment draft = givenMoment(partner);
        assertThat(tx(() -> ports().moments().status(partner.id(), draft.id()))).contains(MomentStatus.DRAFT);
        tx(() -> ports().moments().updateStatus(draft.launch(true, AT), MomentStatus.DRAFT));
        assertThat(tx(() -> ports().moments().status(partner.id(), draft.id()))).contains(MomentStatus.LIVE);
        assertThat(tx(() -> ports().moments().status(givenPartner().id(), draft.id()))).isEmpty();
    }

    @Test
    void aStatusChangeIsVisibleToAFindInTheSameTransaction() {
        Partner partner = givenPartner();
        Moment draft = givenMoment(partner);
        Moment found = tx(() -> {
            ports().moments().find(partner.id(), draft.id());
            ports().moments().updateStatus(draft.launch(true, AT), MomentStatus.DRAFT);
            return ports().moments().find(partner.id(), draft.id()).orElseThrow();
        });
        assertThat(found.status()).isEqualTo(MomentStatus.LIVE);
    }

    @Test
    void listeningMomentsAreFoundByPartnerEventTypeAndStatus() {
        Partner partner = givenPartner();
        Moment orders = givenMoment(partner, aMoment().trigger(new EventTrigger("order.completed", null))
                .status(MomentStatus.LIVE), "10.00", "1.00");
        Moment testing = givenMoment(partner, aMoment().trigger(new EventTrigger("order.completed", null))
                .status(MomentStatus.TEST), "10.00", "1.00");
        givenMoment(partner, aMoment().trigger(new EventTrigger("order.completed", null))
                .status(MomentStatus.PAUSED), "10.00", "1.00");
        givenMoment(partner, aMoment().trigger(new EventTrigger("app.opened", null))
                .status(MomentStatus.LIVE), "10.00", "1.00");
        givenMoment(givenPartner(), aMoment().trigger(new EventTrigger("order.completed", null))
                .status(MomentStatus.LIVE), "10.00", "1.00");

        List<Moment> found = tx(() -> ports().moments().findListening(partner.id(), "order.completed",
                List.of(MomentStatus.LIVE, MomentStatus.TEST)));
        assertThat(found).containsExactlyInAnyOrder(orders, testing);
    }

    @Test
    void momentsAreFoundByPartnerAndStatus() {
        Partner partner = givenPartner();
        Moment live = givenMoment(partner, aMoment().status(MomentStatus.LIVE), "10.00", "1.00");
        Moment testing = givenMoment(partner, aMoment().status(MomentStatus.TEST), "10.00", "1.00");
        givenMoment(partner, aMoment().status(MomentStatus.DRAFT), "10.00", "1.00");
        givenMoment(givenPartner(), aMoment().status(MomentStatus.LIVE), "10.00", "1.00");
        assertThat(tx(() -> ports().moments().findInStatus(partner.id(), List.of(MomentStatus.LIVE, MomentStatus.TEST))))
                .containsExactlyInAnyOrder(live, testing);
    }

    @Test
    void everyKindOfTriggerIsStoredAndReadBack() {
        Partner partner = givenPartner();
        var match = new dev.moments.domain.trigger.Match("video.watched", "event.seconds >= 30");
        var trigger = new dev.moments.domain.trigger.AnyTrigger(List.of(
                new dev.moments.domain.trigger.CountTrigger(match, 10, Duration.ofDays(7)),
                new dev.moments.domain.trigger.SumTrigger(new dev.moments.domain.trigger.Match("order.completed", null),
                        "total", new java.math.BigDecimal("50.00"), Duration.ofDays(30)),
                new dev.moments.domain.trigger.DaysTrigger(new dev.moments.domain.trigger.Match("app.opened", null), 7,
                        true, null),
                new dev.moments.domain.trigger.AllTrigger(List.of(
                        new dev.moments.domain.trigger.SequenceTrigger(List.of(
                                new dev.moments.domain.trigger.Match("user.signed_up", null),
                                new dev.moments.domain.trigger.Match("onboarding.completed", "event.steps == 5")),
                                Duration.ofHours(24)),
                        new dev.moments.domain.trigger.CountTrigger(match, 3, null)))));
        Moment moment = givenMoment(partner, aMoment().trigger(trigger), "10.00", "1.00");
        Moment direct = givenMoment(partner, aMoment().trigger(new dev.moments.domain.trigger.DirectTrigger()),
                "10.00", "1.00");

        assertThat(tx(() -> ports().moments().find(partner.id(), moment.id()))).contains(moment);
        assertThat(tx(() -> ports().moments().find(partner.id(), direct.id()))).contains(direct);
        assertThat(tx(() -> ports().moments().findListening(partner.id(), "onboarding.completed",
                List.of(MomentStatus.DRAFT)))).containsExactly(moment);
    }

    @Test
    void momentsAreListedPageByPage() {
        Partner partner = givenPartner();
        givenMoment(partner);
        givenMoment(partner);
        var first = tx(() -> ports().moments().list(partner.id(), new dev.moments.application.port.PageRequest(1, null)));
        var second = tx(() -> ports().moments().list(partner.id(),
                new dev.moments.application.port.PageRequest(1, first.next())));
        assertThat(first.items()).hasSize(1);
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(second.next()).isNull();
    }

    /** {@code moment} with another definition, as an edit at {@code at} makes it. */
    private static Moment redefined(Moment moment, Trigger trigger, Instant at) {
        return new Moment(moment.id(), moment.partnerId(), "Reach level 10", trigger,
                new Audience(Set.of("FR"), Set.of(), Set.of("gamers"), "user.plan == 'pro'"),
                new Schedule(AT.minus(Duration.ofDays(1)), AT.plus(Duration.ofDays(60)), ZoneId.of("Europe/Paris")),
                List.of(new RewardId("rwd_a"), new RewardId("rwd_b")),
                new Limits(2, null, Duration.ofHours(6), Duration.ZERO, null), 25,
                new Messages("Level 10!", null, new EmailMessage("Level 10: {{reward}}",
                        "Pick it here: {{redeemUrl}}\n\nUntil {{expiresAt}}.")),
                new Outcomes(new Outcomes.Revenue(Set.of("purchase.made", "refund.issued"), "event.total")),
                Fixtures.usd("30.00"), moment.status(), moment.createdAt(), at,
                List.of(new Variant("Cheap", 3, Fixtures.usd("4.50"), List.of(new RewardId("rwd_a"))),
                        new Variant("Rich", 1, null, List.of())));
    }

    @Test
    void anEditStoresTheWholeNewDefinitionAndTheEventTypesFollowTheTrigger() {
        Partner partner = givenPartner();
        Moment paused = givenMoment(partner, aMoment().trigger(new EventTrigger("order.completed", null))
                .status(MomentStatus.PAUSED), "10.00", "1.00");
        Moment edited = redefined(paused, new AnyTrigger(List.of(new EventTrigger("level.reached", "event.level >= 10"),
                new CountTrigger(new Match("quest.done", null), 3, Duration.ofDays(7)))), AT.plusSeconds(30));

        assertThat(tx(() -> ports().moments().update(edited))).isTrue();

        assertThat(tx(() -> ports().moments().find(partner.id(), paused.id()))).contains(edited);
        List<MomentStatus> pausedOnly = List.of(MomentStatus.PAUSED);
        assertThat(tx(() -> ports().moments().findListening(partner.id(), "level.reached", pausedOnly)))
                .containsExactly(edited);
        assertThat(tx(() -> ports().moments().findListening(partner.id(), "quest.done", pausedOnly)))
                .containsExactly(edited);
        assertThat(tx(() -> ports().moments().findListening(partner.id(), "order.completed", pausedOnly))).isEmpty();
        // the events its outcomes read are listened to as well
        assertThat(tx(() -> ports().moments().findListening(partner.id(), "purchase.made", pausedOnly)))
                .containsExactly(edited);
    }

    @Test
    void anEditIsStoredOnlyWhileTheStatusIsStillTheOneItWasMadeFor() {
        Partner partner = givenPartner();
        Moment draft = givenMoment(partner);
        Moment edited = redefined(draft, new EventTrigger("level.reached", null), AT.plusSeconds(30));
        txRun(() -> ports().moments().updateStatus(draft.launch(true, AT.plusSeconds(10)), MomentStatus.DRAFT));

        assertThat(tx(() -> ports().moments().update(edited))).isFalse();

        Moment stored = tx(() -> ports().moments().find(partner.id(), draft.id())).orElseThrow();
        assertThat(stored.name()).isEqualTo(draft.name());
        assertThat(stored.trigger()).isEqualTo(draft.trigger());
        assertThat(tx(() -> ports().moments().findListening(partner.id(), "level.reached",
                List.of(MomentStatus.LIVE)))).isEmpty();
    }

    @Test
    void anotherPartnerCannotEditTheMoment() {
        Partner partner = givenPartner();
        Moment draft = givenMoment(partner);
        Moment foreign = new Moment(draft.id(), givenPartner().id(), "Hijacked", draft.trigger(), draft.audience(),
                draft.schedule(), draft.rewards(), draft.limits(), 0, draft.messages(), draft.outcomes(),
                draft.expectedValuePerAction(), draft.status(),
                draft.createdAt(), AT.plusSeconds(30));

        assertThat(tx(() -> ports().moments().update(foreign))).isFalse();
        assertThat(tx(() -> ports().moments().find(partner.id(), draft.id()))).contains(draft);
    }
}
