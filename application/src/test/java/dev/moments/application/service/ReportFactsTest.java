package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.application.port.out.ProgressRepository.Completion;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.HoldoutBucket;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.Match;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What events leave behind for a moment's report, through the core on in-memory ports: each reached user's first
 * progress and revenue after the reach, and the completions log of both arms.
 */
class ReportFactsTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;
    private int events;

    @BeforeEach
    void givenAPartnerWithAReward() {
        app.clock.set(START.plus(Duration.ofDays(30)));
        partner = app.partnerInUsd("Acme Shop");
        reward = app.sandboxCredit(partner);
    }

    /** Two lessons with a score of 50 or more complete it; orders bring their total as revenue. */
    private MomentId live(int holdoutPercent) {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "Two good lessons",
                new CountTrigger(new Match("lesson.done", "event.score >= 50"), 2, null), null, START, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null,
                holdoutPercent, null, new Outcomes(new Outcomes.Revenue(Set.of("order.completed"), "event.total")),
                "25.00")).moment().id();
        app.moments.change(partner, id, LifecycleAction.LAUNCH);
        return id;
    }

    private EventResult send(String type, String user, Instant at, Map<String, Object> properties) {
        return app.events.record(new RecordEventCommand(partner, "e" + ++events, type, user, null, at, properties,
                null, null));
    }

    private UserProgress progress(MomentId moment, String user) {
        return app.progressRepository.find(partner, moment, user).orElseThrow();
    }

    @Test
    void revenueCountsOnlyTheUsersEventsAfterTheirReach() {
        MomentId moment = live(0);
        Instant reach = START.plus(Duration.ofDays(1));
        send("order.completed", "u", reach.minusSeconds(60), Map.of("total", new BigDecimal("999")));
        assertThat(app.progressRepository.find(partner, moment, "u")).isEmpty(); // not reached: nothing kept

        send("lesson.done", "u", reach, Map.of("score", new BigDecimal("10")));
        send("order.completed", "u", reach.plusSeconds(60), Map.of("total", new BigDecimal("19.99")));
        send("order.completed", "u", reach.plusSeconds(120), Map.of("total", new BigDecimal("5.01")));
        send("order.completed", "u", reach.plusSeconds(180), Map.of("total", "not a number"));

        UserProgress progress = progress(moment, "u");
        assertThat(progress.reachedAt()).isEqualTo(reach);
        assertThat(progress.revenue()).isEqualByComparingTo("25.00");
        assertThat(progress.progressedAt()).isNull(); // a score of 10 does not count towards the trigger
    }

    @Test
    void aUsersRevenueSaturatesAtATrillionInsteadOfOverflowing() {
        MomentId moment = live(0);
        Instant reach = START.plus(Duration.ofDays(1));
        send("lesson.done", "u", reach, Map.of("score", new BigDecimal("10")));
        for (int i = 1; i <= 3; i++) {
            send("order.completed", "u", reach.plusSeconds(i), Map.of("total", new BigDecimal("600000000000")));
        }

        assertThat(progress(moment, "u").revenue()).isEqualByComparingTo("1000000000000");
    }

    @Test
    void aTestUserNeverReachesALiveMoment() {
        MomentId moment = live(0);
        app.events.record(new RecordEventCommand(partner, "t1", "lesson.done", "tester", null,
                START.plus(Duration.ofDays(1)), Map.of("score", new BigDecimal("80")),
                new EventContext(null, null, null, true), null));

        assertThat(progress(moment, "tester").reachedAt()).isNull();
        assertThat(progress(moment, "tester").progressedAt()).isNull();
    }

    @Test
    void anOrderNeitherReachesTheMomentNorCountsTowardsIt() {
        MomentId moment = live(0);
        EventResult order = send("order.completed", "u", START.plus(Duration.ofDays(1)),
                Map.of("total", new BigDecimal("10")));

        assertThat(order.progress()).isEmpty();
        assertThat(app.progressRepository.find(partner, moment, "u")).isEmpty();
    }

    @Test
    void theFirstEventThatCountsIsWhenTheUserProgressed() {
        MomentId moment = live(0);
        Instant reach = START.plus(Duration.ofDays(1));
        send("lesson.done", "u", reach, Map.of("score", new BigDecimal("10")));
        send("lesson.done", "u", reach.plusSeconds(60), Map.of("score", new BigDecimal("80")));
        send("lesson.done", "u", reach.plusSeconds(120), Map.of("score", new BigDecimal("90"))); // completes

        UserProgress progress = progress(moment, "u");
        assertThat(progress.progressedAt()).isEqualTo(reach.plusSeconds(60));
        assertThat(progress.state().completions()).isEqualTo(1);
    }

    @Test
    void completionsOfBothArmsAreLoggedOnceEachAndOnlyControlUsersGoUnpaid() {
        MomentId moment = live(50);
        String treated = user(moment, false);
        String held = user(moment, true);
        Instant at = START.plus(Duration.ofDays(2));
        for (String user : List.of(treated, held)) {
            send("lesson.done", user, at, Map.of("score", new BigDecimal("60")));
            send("lesson.done", user, at.plusSeconds(60), Map.of("score", new BigDecimal("60")));
        }

        assertThat(app.progressRepository.completions(moment)).extracting(Completion::userId, Completion::completion,
                Completion::holdout).containsExactlyInAnyOrder(Assertions.tuple(treated, 1, false),
                Assertions.tuple(held, 1, true));
        assertThat(app.awardRepository.countForUser(moment, treated)).isEqualTo(1);
        assertThat(app.awardRepository.countForUser(moment, held)).isZero();
        assertThat(progress(moment, held).holdout()).isTrue();
    }

    @Test
    void aCompletionRefusedForThePartnersMoneyIsNotLoggedUntilItIsUsedUp() {
        MomentId moment = app.moments.create(new CreateMomentCommand(partner, "One lesson",
                new CountTrigger(new Match("lesson.done", null), 1, null), null, START, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "10.00", null, "10.00"), List.of(reward), null, null,
                null)).moment().id();
        app.moments.change(partner, moment, LifecycleAction.LAUNCH);
        Instant at = START.plus(Duration.ofDays(3));
        send("lesson.done", "paid", at, Map.of());
        send("lesson.done", "waiting", at.plusSeconds(1), Map.of()); // the budget is spent: the progress is kept

        assertThat(app.progressRepository.completions(moment)).extracting(Completion::userId)
                .containsExactly("paid");
    }

    @Test
    void aRevenueExpressionThatIsNotANumberIsRefusedWithItsField() {
        Assertions.assertThatThrownBy(() -> app.moments.create(new CreateMomentCommand(partner, "m",
                        new CountTrigger(new Match("lesson.done", null), 1, null), null, START, null, null,
                        new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null,
                        null, null, new Outcomes(new Outcomes.Revenue(Set.of("order.completed"), "event.total >")),
                        null)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("outcomes.revenue.value"));
        Assertions.assertThatThrownBy(() -> app.moments.create(new CreateMomentCommand(partner, "m",
                        new CountTrigger(new Match("lesson.done", null), 1, null), null, START, null, null,
                        new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null,
                        null, null, null, "-1.00")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedValuePerAction"));
    }

    /** A user id in the arm asked for, by the moment's stable hash. */
    private static String user(MomentId moment, boolean control) {
        return IntStream.range(0, 1000).mapToObj(i -> "u-" + i)
                .filter(u -> (HoldoutBucket.of(moment, u) < 50) == control).findFirst().orElseThrow();
    }
}
