package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.DirectAwardUseCase.DirectAwardCommand;
import dev.moments.application.port.in.ExplainProgressQuery.Explanation;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress, audience, explain, dry runs and direct awards through the core, on in-memory ports. */
class TriggersInTheCoreTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme Video");
        reward = app.sandboxCredit(partner);
    }

    private MomentId live(Trigger trigger, Audience audience) {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "m", trigger, audience, START, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null, null,
                null)).moment().id();
        app.moments.change(partner, id, LifecycleAction.LAUNCH);
        return id;
    }

    private EventResult watch(String eventId, String user, Instant at) {
        return app.events.record(new RecordEventCommand(partner, eventId, "video.watched", user, null, at, Map.of(),
                null, null));
    }

    @Test
    void progressAccumulatesAcrossEventsAndExplainShowsIt() {
        MomentId moment = live(new CountTrigger(new Match("video.watched", null), 3, Duration.ofDays(7)), null);
        watch("e1", "u", START.plus(Duration.ofDays(1)));
        EventResult second = watch("e2", "u", START.plus(Duration.ofDays(2)));
        assertThat(second.progress()).singleElement().satisfies(p -> {
            assertThat(p.current()).isEqualByComparingTo("2");
            assertThat(p.target()).isEqualByComparingTo("3");
        });
        Explanation explanation = app.explain.explain(partner, "u", moment);
        assertThat(explanation.current()).isEqualByComparingTo("2");
        assertThat(explanation.reasons()).containsExactly("NOT_COMPLETED");

        assertThat(watch("e3", "u", START.plus(Duration.ofDays(3))).awards()).hasSize(1);
        assertThat(app.explain.explain(partner, "u", moment).reasons()).containsExactly("LIMIT_PER_USER");
    }

    @Test
    void anEventTooFarOutOfOrderIsIgnoredAndExplainSaysSo() {
        MomentId moment = live(new CountTrigger(new Match("video.watched", null), 3, null), null);
        watch("e1", "u", START.plus(Duration.ofDays(20)));
        watch("e2", "u", START.plus(Duration.ofDays(12)));
        EventResult late = watch("e3", "u", START.plus(Duration.ofDays(14)));
        assertThat(late.awards()).isEmpty();
        Explanation explanation = app.explain.explain(partner, "u", moment);
        assertThat(explanation.lateEventsIgnored()).isEqualTo(1);
        assertThat(explanation.current()).isEqualByComparingTo("2");
        assertThat(explanation.reasons()).contains("LATE_EVENTS_IGNORED");
        assertThat(explanation.newestEventAt()).isEqualTo(START.plus(Duration.ofDays(20)));
        assertThat(explanation.countingAfter()).isNull();
    }

    @Test
    void attributesFromAnEarlierEventAdmitALaterOne() {
        live(new CountTrigger(new Match("video.watched", null), 1, null),
                new Audience(Set.of(), Set.of(), Set.of("vip"), "user.plan == 'free'"));
        app.events.record(new RecordEventCommand(partner, "e0", "app.opened", "u", null, START.plusSeconds(1),
                Map.of(), null, Map.of("plan", "free", "segments", List.of("vip"))));
        assertThat(watch("e1", "u", START.plusSeconds(2)).awards()).hasSize(1);
        assertThat(watch("e2", "stranger", START.plusSeconds(2)).awards()).isEmpty();
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndStoresNothing() {
        MomentId moment = live(new CountTrigger(new Match("video.watched", null), 1, null), null);
        RecordEventCommand event = new RecordEventCommand(partner, "e1", "video.watched", "u", null,
                START.plusSeconds(5), Map.of(), null, null);
        EventResult dry = app.events.dryRun(event);
        assertThat(dry.awards()).hasSize(1);
        assertThat(dry.awards().get(0).token()).isEmpty();
        assertThat(app.moments.get(partner, moment).budgetState().reserved().isZero()).isTrue();
        assertThat(app.awardRepository.all()).isEmpty();

        EventResult real = app.events.record(event);
        assertThat(real.duplicate()).isFalse();
        assertThat(real.awards()).hasSize(1);
    }

    @Test
    void aDirectAwardPaysOnceAndAPreviewConsumesNothing() {
        MomentId moment = live(new DirectTrigger(), null);
        DirectAwardCommand command = new DirectAwardCommand(partner, moment, "u-1", "d-1", EventContext.NONE);

        var preview = app.directAwards.preview(command);
        assertThat(preview.eligible()).isTrue();
        assertThat(preview.rewards()).extracting(r -> r.id().value()).containsExactly(reward);
        assertThat(app.moments.get(partner, moment).budgetState().reserved().isZero()).isTrue();

        assertThat(app.directAwards.award(command).award().reserved().amount()).isEqualByComparingTo(new BigDecimal("10"));
        assertThatThrownBy(() -> app.directAwards.award(command)).isInstanceOf(NotEligibleException.class)
                .extracting("refusal").isEqualTo(Refusal.LIMIT_PER_USER);
        assertThat(app.directAwards.preview(command).reason()).isEqualTo("LIMIT_PER_USER");
        assertThat(app.explain.explain(partner, "u-2", moment).reasons()).containsExactly("AWAITING_PARTNER");
    }

    private MomentId live(Trigger trigger, Audience audience, Limits limits, Integer holdoutPercent) {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "m", trigger, audience, START, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), limits,
                holdoutPercent, null)).moment().id();
        app.moments.change(partner, id, LifecycleAction.LAUNCH);
        return id;
    }

    private EventResult dryWatch(String eventId, String user, String device) {
        return app.events.dryRun(new RecordEventCommand(partner, eventId, "video.watched", user, device,
                START.plusSeconds(60), Map.of(), null, null));
    }

    private DirectAwardUseCase.Preview preview(MomentId moment, String user, String device, EventContext context) {
        return app.directAwards.preview(new DirectAwardCommand(partner, moment, user, device, context));
    }

    @Test
    void aDryRunAndAPreviewRefuseASecondUserOnADeviceThatEarnedItsShare() {
        Limits onePerDevice = new Limits(5, 1, null, Duration.ZERO, null);
        live(new CountTrigger(new Match("video.watched", null), 1, null), null, onePerDevice, null);
        MomentId direct = live(new DirectTrigger(), null, onePerDevice, null);
        app.directAwards.award(new DirectAwardCommand(partner, direct, "u-1", "d-1", EventContext.NONE));
        app.events.record(new RecordEventCommand(partner, "e-1", "video.watched", "u-1", "d-1", START.plusSeconds(5),
                Map.of(), null, null));

        EventResult dry = dryWatch("e-2", "u-2", "d-1");

        assertThat(dry.awards()).isEmpty();
        assertThat(dry.refused()).containsExactly(Refusal.LIMIT_PER_DEVICE);
        assertThat(dryWatch("e-3", "u-3", "d-2").awards()).as("another device").hasSize(1);
        assertThat(preview(direct, "u-2", "d-1", EventContext.NONE).reason()).isEqualTo("LIMIT_PER_DEVICE");
    }

    @Test
    void aPreviewRefusesAUserWithinTheCooldownOfTheirLastAward() {
        MomentId direct = live(new DirectTrigger(), null, new Limits(5, null, Duration.ofDays(1), Duration.ZERO, null),
                null);
        app.directAwards.award(new DirectAwardCommand(partner, direct, "u-1", null, EventContext.NONE));

        assertThat(preview(direct, "u-1", null, EventContext.NONE).reason()).isEqualTo("COOLDOWN");
        app.clock.advance(Duration.ofDays(1));
        assertThat(preview(direct, "u-1", null, EventContext.NONE).eligible()).isTrue();
    }

    @Test
    void aPreviewRefusesAUserOutsideTheAudience_orInTheControlArm() {
        MomentId french = live(new DirectTrigger(), new Audience(Set.of("FR"), Set.of(), Set.of(), null), null, null);
        MomentId halfHeldOut = live(new DirectTrigger(), null, null, 50);
        var moment = app.momentRepository.find(partner, halfHeldOut).orElseThrow();
        String control = IntStream.range(0, 100).mapToObj(i -> "u-" + i).filter(moment::holdsOut).findFirst()
                .orElseThrow();
        String treated = IntStream.range(0, 100).mapToObj(i -> "u-" + i).filter(u -> !moment.holdsOut(u)).findFirst()
                .orElseThrow();

        assertThat(preview(french, "u-1", null, new EventContext("DE", null, null, false)).reason())
                .isEqualTo("NOT_IN_AUDIENCE");
        assertThat(preview(french, "u-1", null, new EventContext("FR", null, null, false)).eligible()).isTrue();
        assertThat(preview(halfHeldOut, control, null, EventContext.NONE).reason()).isEqualTo("HOLDOUT");
        assertThat(preview(halfHeldOut, treated, null, EventContext.NONE).eligible()).isTrue();
    }

    @Test
    void inTestModeAPreviewAdmitsOnlyTestUsers() {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "m", new DirectTrigger(), null, START, null,
                null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null, null,
                null)).moment().id();
        app.moments.change(partner, id, LifecycleAction.TEST);

        assertThat(preview(id, "qa-1", null, new EventContext(null, null, null, true)).eligible()).isTrue();
        assertThat(preview(id, "u-1", null, EventContext.NONE).reason()).isEqualTo("TEST_USERS_ONLY");
    }

    @Test
    void anEventThatCompletesNothing_isNotRefused_evenAfterARefusedCompletion() {
        live(new CountTrigger(new Match("video.watched", null), 2, null), null);
        watch("e1", "u", START.plusSeconds(1));
        assertThat(watch("e2", "u", START.plusSeconds(2)).awards()).hasSize(1);
        watch("e3", "u", START.plusSeconds(3));
        assertThat(watch("e4", "u", START.plusSeconds(4)).refused()).containsExactly(Refusal.LIMIT_PER_USER);

        assertThat(watch("e5", "u", START.plusSeconds(5)).refused()).isEmpty();
    }

    @Test
    void theAttributesAnEventBringsAdmitThatVeryEvent_andStoredOnesAdmitADryRun() {
        live(new CountTrigger(new Match("video.watched", null), 1, null),
                new Audience(Set.of(), Set.of(), Set.of(), "user.plan == 'gold'"));

        EventResult brought = app.events.record(new RecordEventCommand(partner, "e1", "video.watched", "u-1", null,
                START.plusSeconds(1), Map.of(), null, Map.of("plan", "gold")));
        assertThat(brought.awards()).hasSize(1);

        assertThat(app.events.dryRun(new RecordEventCommand(partner, "e2", "video.watched", "u-1", null,
                START.plusSeconds(2), Map.of(), null, null)).refused()).as("admitted, paid already")
                .containsExactly(Refusal.LIMIT_PER_USER);
        EventResult stranger = dryWatch("e3", "u-2", null);
        assertThat(stranger.awards()).as("no attributes: not in the audience").isEmpty();
        assertThat(stranger.progress()).isEmpty();
    }

    @Test
    void theExplanationOfARefusedCompletionNamesTheRefusalOnce_andAnUnknownMomentIsNotFound() {
        MomentId moment = live(new CountTrigger(new Match("video.watched", null), 1, null), null);
        watch("e1", "u", START.plusSeconds(1));
        assertThat(watch("e2", "u", START.plusSeconds(2)).refused()).containsExactly(Refusal.LIMIT_PER_USER);

        assertThat(app.explain.explain(partner, "u", moment).reasons()).containsExactly("LIMIT_PER_USER");
        assertThatThrownBy(() -> app.explain.explain(partner, "u", new MomentId("mom_unknown")))
                .isInstanceOf(NotFoundException.class);
    }
}
