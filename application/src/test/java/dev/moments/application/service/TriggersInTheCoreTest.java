package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.DirectAwardUseCase.DirectAwardCommand;
import dev.moments.application.port.in.ExplainProgressQuery.Explanation;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.moment.Audience;
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
        partner = app.partners.create(new CreatePartnerCommand("Acme Video", "USD")).partner().id();
        reward = app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD", Set.of(),
                "sandbox", null, null)).id().value();
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
}
