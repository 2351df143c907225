package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.ProgressState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core from partner creation to award, on in-memory ports only. */
class RecordEventServiceTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private Reward credit;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partners.create(new CreatePartnerCommand("Acme Shop", "USD")).partner().id();
        credit = app.rewards.create(new CreateRewardCommand(partner, "Store credit", "CREDIT", "5.00", "USD",
                Set.of(), "sandbox", null, null));
    }

    private MomentView spendAtLeast25(String total, String costPerAction, Limits limits) {
        return app.moments.create(new CreateMomentCommand(partner, "Spend at least $25 in one order",
                new EventTrigger("order.completed", "event.total >= 25"), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", total, null, costPerAction), java.util.List.of(credit.id().value()),
                limits, null, new Messages("You earned a reward!", null)));
    }

    private MomentView launched(String total, String costPerAction) {
        MomentView moment = spendAtLeast25(total, costPerAction, null);
        return app.moments.change(partner, moment.moment().id(), LifecycleAction.LAUNCH);
    }

    private EventResult order(String eventId, String userId, String total) {
        return app.events.record(new RecordEventCommand(partner, eventId, "order.completed", userId, null, null,
                Map.of("total", new BigDecimal(total)), null, null));
    }

    @Test
    void aQualifyingOrderEarnsOneAwardWithARedemptionTokenAndReservesThePrice() {
        MomentView moment = launched("100.00", "10.00");

        EventResult result = order("evt-1", "u-42", "42.50");

        assertThat(result.duplicate()).isFalse();
        assertThat(result.awards()).singleElement().satisfies(view -> {
            assertThat(view.award().status()).isEqualTo(AwardStatus.EARNED);
            assertThat(view.award().momentId()).isEqualTo(moment.moment().id());
            assertThat(view.token()).isPresent();
            assertThat(view.award().tokenDigest()).isEqualTo(view.token().orElseThrow().digest());
            assertThat(view.announcement()).isEqualTo("You earned a reward!");
        });
        assertThat(result.progress()).singleElement().satisfies(p -> assertThat(p.complete()).isTrue());
        MomentView after = app.moments.get(partner, moment.moment().id());
        assertThat(after.budgetState().reserved().toDecimalString()).isEqualTo("10.00");
        assertThat(after.budgetState().remaining().toDecimalString()).isEqualTo("90.00");
        assertThat(after.budgetState().spentToday().toDecimalString()).isEqualTo("10.00");
    }

    @Test
    void anOrderBelowTheThresholdEarnsNothingButShowsProgress() {
        launched("100.00", "10.00");
        EventResult result = order("evt-1", "u-42", "10.00");
        assertThat(result.awards()).isEmpty();
        assertThat(result.progress()).singleElement().satisfies(p -> {
            assertThat(p.complete()).isFalse();
            assertThat(p.current()).isZero();
            assertThat(p.target()).isEqualByComparingTo("1");
        });
    }

    @Test
    void theSameEventTwiceIsADuplicateThatReplaysTheFirstResultAndAwardsNothingMore() {
        launched("100.00", "10.00");
        EventResult first = order("evt-1", "u-42", "42.50");
        EventResult second = order("evt-1", "u-42", "42.50");

        assertThat(second.duplicate()).isTrue();
        assertThat(second.awards()).extracting(AwardView::award).containsExactlyElementsOf(
                first.awards().stream().map(AwardView::award).toList());
        assertThat(second.awards().get(0).token()).isEqualTo(first.awards().get(0).token());
        assertThat(app.awardRepository.all()).hasSize(1);
    }

    @Test
    void theSameEventIdWithAnotherBodyIsRefused() {
        launched("100.00", "10.00");
        order("evt-1", "u-42", "42.50");
        assertThatThrownBy(() -> order("evt-1", "u-42", "43.00")).isInstanceOf(EventIdConflictException.class);
    }

    @Test
    void aUserIsPaidOnceWhenPerUserIsOne() {
        launched("100.00", "10.00");
        assertThat(order("evt-1", "u-42", "30").awards()).hasSize(1);
        assertThat(order("evt-2", "u-42", "30").awards()).isEmpty();
    }

    @Test
    void givenPerUserTwo_theSameUserIsPaidForTwoCompletionsThenNoMore() {
        MomentView moment = spendAtLeast25("100.00", "10.00", new Limits(2, null, null, Duration.ZERO, null));
        app.moments.change(partner, moment.moment().id(), LifecycleAction.LAUNCH);
        assertThat(order("evt-1", "u-42", "30").awards()).singleElement()
                .satisfies(view -> assertThat(view.award().completion()).isEqualTo(1));
        app.clock.advance(Duration.ofMinutes(1));
        assertThat(order("evt-2", "u-42", "30").awards()).singleElement()
                .satisfies(view -> assertThat(view.award().completion()).isEqualTo(2));
        app.clock.advance(Duration.ofMinutes(1));
        assertThat(order("evt-3", "u-42", "30").awards()).isEmpty();
    }

    @Test
    void givenACooldownOfOneDay_aSecondCompletionThatDayIsRefusedAndOneTheNextDayIsPaid() {
        MomentView moment = spendAtLeast25("100.00", "10.00", new Limits(5, null, Duration.ofDays(1), Duration.ZERO, null));
        app.moments.change(partner, moment.moment().id(), LifecycleAction.LAUNCH);
        assertThat(order("evt-1", "u-42", "30").awards()).hasSize(1);
        app.clock.advance(Duration.ofHours(23));
        assertThat(order("evt-2", "u-42", "30").awards()).isEmpty();
        assertThat(app.explain.explain(partner, "u-42", moment.moment().id()).reasons()).contains("COOLDOWN");
        app.clock.advance(Duration.ofHours(2));
        assertThat(order("evt-3", "u-42", "30").awards()).hasSize(1);
    }

    @Test
    void givenPerDeviceOne_aSecondUserOnTheSameDeviceIsRefused() {
        MomentView moment = spendAtLeast25("100.00", "10.00", new Limits(1, 1, null, Duration.ZERO, null));
        app.moments.change(partner, moment.moment().id(), LifecycleAction.LAUNCH);
        RecordEventCommand first = new RecordEventCommand(partner, "evt-1", "order.completed", "u-1", "phone-1", null,
                Map.of("total", new BigDecimal("30")), null, null);
        RecordEventCommand second = new RecordEventCommand(partner, "evt-2", "order.completed", "u-2", "phone-1", null,
                Map.of("total", new BigDecimal("30")), null, null);
        RecordEventCommand elsewhere = new RecordEventCommand(partner, "evt-3", "order.completed", "u-3", "phone-2",
                null, Map.of("total", new BigDecimal("30")), null, null);
        assertThat(app.events.record(first).awards()).hasSize(1);
        assertThat(app.events.record(second).awards()).isEmpty();
        assertThat(app.events.record(elsewhere).awards()).hasSize(1);
    }

    @Test
    void givenBudgetForTwoActions_theThirdUserIsRefusedAndTheMomentIsExhaustedUntilATopUp() {
        MomentView moment = launched("20.00", "10.00");
        assertThat(order("evt-1", "u-1", "30").awards()).hasSize(1);
        assertThat(order("evt-2", "u-2", "30").awards()).hasSize(1);
        assertThat(order("evt-3", "u-3", "30").awards()).isEmpty();
        assertThat(app.moments.get(partner, moment.moment().id()).moment().status()).isEqualTo(MomentStatus.EXHAUSTED);

        MomentView toppedUp = app.moments.topUp(partner, moment.moment().id(), "10.00");

        assertThat(toppedUp.moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(order("evt-4", "u-4", "30").awards()).hasSize(1);
        assertThat(order("evt-5", "u-5", "30").awards()).isEmpty();
    }

    @Test
    void aDraftMomentEvaluatesNothing() {
        spendAtLeast25("100.00", "10.00", null);
        EventResult result = order("evt-1", "u-42", "42.50");
        assertThat(result.awards()).isEmpty();
        assertThat(result.progress()).isEmpty();
    }

    @Test
    void aTestMomentAwardsOnlyTestUsersAsTestsAndChargesNothing() {
        MomentView moment = spendAtLeast25("100.00", "10.00", null);
        app.moments.change(partner, moment.moment().id(), LifecycleAction.TEST);

        assertThat(order("evt-1", "u-1", "30").awards()).isEmpty();
        EventResult tester = app.events.record(new RecordEventCommand(partner, "evt-2", "order.completed", "qa-1",
                null, null, Map.of("total", new BigDecimal("30")), new EventContext(null, null, null, true), null));

        assertThat(tester.awards()).singleElement().satisfies(view -> {
            assertThat(view.award().test()).isTrue();
            assertThat(view.award().reserved().isZero()).isTrue();
        });
        assertThat(app.moments.get(partner, moment.moment().id()).budgetState().reserved().isZero()).isTrue();
    }

    @Test
    void anEventBeforeTheMomentStartsDoesNotCount() {
        launched("100.00", "10.00");
        EventResult result = app.events.record(new RecordEventCommand(partner, "evt-1", "order.completed", "u-1", null,
                app.clock.now().minus(Duration.ofDays(1)), Map.of("total", new BigDecimal("30")), null, null));
        assertThat(result.awards()).isEmpty();
    }

    @Test
    void anEventMoreThanFiveMinutesInTheFutureIsRefused() {
        launched("100.00", "10.00");
        Instant farAhead = app.clock.now().plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> app.events.record(new RecordEventCommand(partner, "evt-1", "order.completed", "u-1",
                null, farAhead, Map.of(), null, null)))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("occurredAt");
    }

    @Test
    void anotherPartnerCannotReadTheAward() {
        launched("100.00", "10.00");
        AwardView view = order("evt-1", "u-42", "42.50").awards().get(0);
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();

        assertThat(app.awards.get(partner, view.award().id()).award()).isEqualTo(view.award());
        assertThatThrownBy(() -> app.awards.get(other, view.award().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEventIdIsPerPartner() {
        launched("100.00", "10.00");
        order("evt-1", "u-42", "42.50");
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        EventResult theirs = app.events.record(new RecordEventCommand(other, "evt-1", "order.completed", "u-42", null,
                null, Map.of("total", new BigDecimal("42.50")), null, null));
        assertThat(theirs.duplicate()).isFalse();
        assertThat(theirs.awards()).isEmpty();
    }

    @Test
    void aUsersFirstReachIsRecordedAtTheEventsTime_evenByAnEventThatCompletesNothing_andOnlyAnEarlierOneMovesIt() {
        MomentView moment = launched("100.00", "10.00");
        Instant first = app.clock.now().plusSeconds(3_600);
        app.clock.advance(Duration.ofHours(2));

        app.events.record(new RecordEventCommand(partner, "evt-1", "order.completed", "u-1", null, first,
                Map.of("total", new BigDecimal("10")), null, null));
        assertThat(reachOf(moment, "u-1")).as("reached, though $10 completes nothing").isEqualTo(first);

        order("evt-2", "u-1", "42.50");
        assertThat(reachOf(moment, "u-1")).as("a later event").isEqualTo(first);

        app.events.record(new RecordEventCommand(partner, "evt-3", "order.completed", "u-1", null,
                first.minusSeconds(60), Map.of("total", new BigDecimal("10")), null, null));
        assertThat(reachOf(moment, "u-1")).as("an earlier one, sent late").isEqualTo(first.minusSeconds(60));
    }

    @Test
    void anEventOutsideTheSchedule_aBackfillFromBeforeTheMomentStarted_doesNotReachIt() {
        MomentView moment = launched("100.00", "10.00");

        app.events.record(new RecordEventCommand(partner, "evt-old", "order.completed", "u-1", null,
                app.clock.now().minus(Duration.ofDays(3)), Map.of("total", new BigDecimal("42")), null, null));

        assertThat(app.progressRepository.find(partner, moment.moment().id(), "u-1")
                .map(UserProgress::reachedAt)).isEmpty();
    }

    @Test
    void aUsersArmIsTheOneItsFirstReachGave_whateverTheHoldoutShareSaysNow() {
        MomentView moment = launched("100.00", "10.00"); // no holdout now
        Instant reached = app.clock.now();
        app.progressRepository.insert(new UserProgress(partner, moment.moment().id(), "u-9",
                ProgressState.start(moment.moment().trigger()), true, null, reached, reached));

        EventResult result = order("evt-9", "u-9", "42.50");

        assertThat(result.awards()).as("a control user since the first reach").isEmpty();
        assertThat(result.holdout()).containsExactly(moment.moment().id());
        assertThat(app.progressRepository.find(partner, moment.moment().id(), "u-9").orElseThrow().holdout())
                .isTrue();
    }

    @Test
    void aUserNotReachedYetTakesTheArmTheHoldoutShareGivesNow_whateverTheirStoredProgressSays() {
        MomentView created = app.moments.create(new CreateMomentCommand(partner, "Spend at least $25 in one order",
                new EventTrigger("order.completed", "event.total >= 25"), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"),
                java.util.List.of(credit.id().value()), null, 99, null));
        MomentView moment = app.moments.change(partner, created.moment().id(), LifecycleAction.LAUNCH);
        String user = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "u-" + i)
                .filter(moment.moment()::holdsOut).findFirst().orElseThrow();
        // progress kept before any reach (say, while the share was lower): no arm was given yet
        app.progressRepository.insert(new UserProgress(partner, moment.moment().id(), user,
                ProgressState.start(moment.moment().trigger()), false, null, app.clock.now(), null));

        EventResult result = order("evt-1", user, "42.50");

        assertThat(result.awards()).isEmpty();
        assertThat(result.holdout()).containsExactly(moment.moment().id());
    }

    @Test
    void aDraftMomentIsNotReached() {
        MomentView draft = spendAtLeast25("100.00", "10.00", null);

        app.events.record(new RecordEventCommand(partner, "evt-1", "order.completed", "u-1", null, null,
                Map.of("total", new BigDecimal("42")), null, null));

        assertThat(app.progressRepository.find(partner, draft.moment().id(), "u-1")
                .map(UserProgress::reachedAt)).isEmpty();
    }

    private Instant reachOf(MomentView moment, String userId) {
        return app.progressRepository.find(partner, moment.moment().id(), userId).orElseThrow().reachedAt();
    }

    @Test
    void aPartnerListsItsAwards_filteredByUser() {
        launched("100.00", "10.00");
        AwardView first = order("evt-1", "u-1", "42.50").awards().get(0);
        order("evt-2", "u-2", "42.50");

        var listed = app.awards.list(partner, new AwardFilter("u-1", null, null), PageRequest.first()).items();

        assertThat(listed).extracting(view -> view.award().id()).containsExactly(first.award().id());
        assertThat(app.awards.list(partner, AwardFilter.ALL, PageRequest.first()).items()).hasSize(2);
    }
}
