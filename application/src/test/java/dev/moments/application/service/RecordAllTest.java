package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many events recorded together: each gets what recording it alone would give, and the budget still holds. */
class RecordAllTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private Reward credit;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partners.create(new CreatePartnerCommand("Acme Shop", "USD")).partner().id();
        credit = app.rewards.create(new CreateRewardCommand(partner, "Store credit", "CREDIT", "5.00", "USD",
                Set.of(), "sandbox", null, null));
    }

    private MomentView launched(Trigger trigger, String total) {
        MomentView moment = app.moments.create(new CreateMomentCommand(partner, "Order", trigger, null, null, null,
                null, new CreateMomentCommand.BudgetSpec("USD", total, null, "10.00"), List.of(credit.id().value()),
                null, null, new Messages("You earned a reward!", null)));
        return app.moments.change(partner, moment.moment().id(), LifecycleAction.LAUNCH);
    }

    private RecordEventCommand order(String eventId, String userId, String total) {
        return new RecordEventCommand(partner, eventId, "order.completed", userId, null, null,
                Map.of("total", new BigDecimal(total)), null, null);
    }

    @Test
    void givenBudgetForThree_fiveUsersCompletingInOneBatch_theFirstThreeArePaidAndTheMomentIsExhausted() {
        MomentView moment = launched(new EventTrigger("order.completed", null), "30.00");
        List<RecordEventCommand> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            batch.add(order("evt-" + i, "u-" + i, "10"));
        }

        List<BatchItem> items = app.events.recordAll(batch);

        assertThat(items).hasSize(5).allSatisfy(item -> assertThat(item.failure()).isNull());
        assertThat(items).extracting(item -> item.result().awards().size()).containsExactly(1, 1, 1, 0, 0);
        assertThat(items).extracting(item -> item.result().eventId())
                .containsExactly("evt-1", "evt-2", "evt-3", "evt-4", "evt-5");
        MomentView after = app.moments.get(partner, moment.moment().id());
        assertThat(after.moment().status()).isEqualTo(MomentStatus.EXHAUSTED);
        assertThat(after.budgetState().reserved().toDecimalString()).isEqualTo("30.00");
        assertThat(app.explain.explain(partner, "u-4", moment.moment().id()).reasons()).contains("BUDGET_EXHAUSTED");
    }

    @Test
    void aStoreThatCannotBeReached_failsTheWholeBatchWithTheOutage_afterOneAttempt_notOnePerEvent() {
        launched(new EventTrigger("order.completed", null), "30.00");
        List<RecordEventCommand> batch = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            batch.add(order("evt-" + i, "u-" + i, "10"));
        }
        StoreUnavailableException outage = new StoreUnavailableException("no connection", null);
        app.transactions.failEveryUnitWith(outage);
        int before = app.transactions.units();

        List<BatchItem> items = app.events.recordAll(batch);

        assertThat(items).hasSize(250).allSatisfy(item -> assertThat(item.failure()).isSameAs(outage));
        assertThat(app.transactions.units() - before).as("units tried").isEqualTo(1);

        app.transactions.failEveryUnitWith(null);
        assertThat(app.events.recordAll(batch)).allSatisfy(item -> {
            assertThat(item.failure()).isNull();
            assertThat(item.result().duplicate()).isFalse();
        });
    }

    @Test
    void twoEventsOfOneUserInOneBatch_countTogetherAsTheyWouldOneAfterTheOther() {
        launched(new CountTrigger(new Match("order.completed", null), 2, Duration.ofDays(30)), "100.00");

        List<BatchItem> items = app.events.recordAll(List.of(order("evt-1", "u-1", "5"), order("evt-2", "u-2", "5"),
                order("evt-3", "u-1", "5")));

        assertThat(items).extracting(item -> item.result().awards().size()).containsExactly(0, 0, 1);
        assertThat(items.get(0).result().progress()).singleElement()
                .satisfies(p -> assertThat(p.current()).isEqualByComparingTo("1"));
        assertThat(items.get(2).result().progress()).singleElement().satisfies(p -> assertThat(p.complete()).isTrue());
        // and the stored progress goes on from there
        EventResult fourth = app.events.record(order("evt-4", "u-2", "5"));
        assertThat(fourth.awards()).hasSize(1);
    }

    @Test
    void anEventIdTwiceInOneBatch_isAnsweredAsAReplay_orAConflictWhenItsBodyDiffers() {
        MomentView moment = launched(new EventTrigger("order.completed", null), "100.00");

        List<BatchItem> items = app.events.recordAll(List.of(order("evt-1", "u-1", "5"), order("evt-1", "u-1", "5"),
                order("evt-1", "u-1", "6"), order("evt-2", "u-2", "5")));

        assertThat(items.get(0).result().duplicate()).isFalse();
        assertThat(items.get(1).result().duplicate()).isTrue();
        assertThat(items.get(1).result().awards()).extracting(view -> view.award().id())
                .isEqualTo(items.get(0).result().awards().stream().map(view -> view.award().id()).toList());
        assertThat(items.get(2).failure()).isInstanceOf(EventIdConflictException.class);
        assertThat(items.get(3).result().awards()).hasSize(1);
        assertThat(app.moments.get(partner, moment.moment().id()).budgetState().reserved().toDecimalString())
                .as("two awards paid").isEqualTo("20.00");
    }

    @Test
    void anEventRecordedBefore_isReplayed_andABadEventFailsAloneWithoutStoppingTheOthers() {
        launched(new EventTrigger("order.completed", null), "100.00");
        EventResult first = app.events.record(order("evt-1", "u-1", "5"));
        RecordEventCommand fromTheFuture = new RecordEventCommand(partner, "evt-9", "order.completed", "u-9", null,
                java.time.Instant.parse("2100-01-01T00:00:00Z"), Map.of(), null, null);

        List<BatchItem> items = app.events.recordAll(List.of(order("evt-1", "u-1", "5"), fromTheFuture,
                order("evt-2", "u-2", "5")));

        assertThat(items.get(0).result().duplicate()).isTrue();
        assertThat(items.get(0).result().awards().get(0).award().id()).isEqualTo(first.awards().get(0).award().id());
        assertThat(items.get(1).failure()).isInstanceOf(InvalidValueException.class);
        assertThat(items.get(2).result().awards()).hasSize(1);
    }

    @Test
    void aBatchTakesOneUnitOfWorkPerHundredEvents_andAnEmptyOneNone() {
        launched(new EventTrigger("order.completed", null), "30.00");
        List<RecordEventCommand> hundred = new ArrayList<>();
        for (int i = 1; i <= RecordEventService.UNIT_OF_WORK; i++) {
            hundred.add(order("evt-" + i, "u-" + i, "10"));
        }
        int before = app.transactions.units();

        assertThat(app.events.recordAll(List.of())).isEmpty();
        assertThat(app.transactions.units()).as("units for no event").isEqualTo(before);
        assertThat(app.events.recordAll(hundred)).hasSize(RecordEventService.UNIT_OF_WORK);
        assertThat(app.transactions.units() - before).as("units for a hundred events").isEqualTo(1);
    }

    @Test
    void anEventIdTwiceInOneBatch_whoseFirstFails_failsTwiceAlike() {
        launched(new EventTrigger("order.completed", null), "100.00");
        app.events.record(order("evt-1", "u-1", "5"));

        List<BatchItem> items = app.events.recordAll(List.of(order("evt-1", "u-1", "6"), order("evt-1", "u-1", "6")));

        assertThat(items).allSatisfy(item -> assertThat(item.failure()).isInstanceOf(EventIdConflictException.class));
    }
}
