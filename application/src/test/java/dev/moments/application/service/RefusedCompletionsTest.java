package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.ExplainProgressQuery.Explanation;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.Match;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, point 9: a completion refused for the partner's money keeps the user's progress, so the user's next
 * qualifying event is paid once money allows; one refused for the user's own limits uses it up, as an award would.
 * Each case on a moment "two orders" ({@code count}, at least 2), explained as the user sees it.
 */
class RefusedCompletionsTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;
    private int sequence;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme");
        reward = app.sandboxCredit(partner);
    }

    private MomentId twoOrders(String total, String dailyCap, Limits limits) {
        return orders(2, total, dailyCap, limits);
    }

    private MomentId orders(int count, String total, String dailyCap, Limits limits) {
        MomentId moment = app.moments.create(new CreateMomentCommand(partner, count + " orders",
                new CountTrigger(new Match("order.completed", null), count, null), null, null, null, ZoneOffset.UTC,
                new CreateMomentCommand.BudgetSpec("USD", total, dailyCap, "10.00"), List.of(reward), limits, null,
                null)).moment().id();
        app.moments.change(partner, moment, LifecycleAction.LAUNCH);
        return moment;
    }

    private EventResult order(String user, String device) {
        app.clock.advance(Duration.ofMinutes(1));
        return app.events.record(new RecordEventCommand(partner, "order-" + ++sequence, "order.completed", user,
                device, null, Map.of(), EventContext.NONE, Map.of()));
    }

    private Explanation explain(String user, MomentId moment) {
        return app.explain.explain(partner, user, moment);
    }

    @Test
    void refusedForAnExhaustedBudget_theCompletionIsKept_andTheNextOrderIsPaidAfterATopUp() {
        MomentId moment = twoOrders("10.00", null, null);
        order("bob", null);
        order("ann", null);
        // one unit of work: Ann's completion takes the budget's one action, Bob's is refused for it
        var results = app.events.recordAll(List.of(command("ann"), command("bob")));
        assertThat(results.get(0).result().awards()).hasSize(1);
        assertThat(results.get(1).result().awards()).isEmpty();

        Explanation bob = explain("bob", moment);
        assertThat(bob.lastRefusal()).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(bob.completionKept()).isTrue();
        assertThat(bob.complete()).isTrue();

        app.moments.topUp(partner, moment, "10.00");
        assertThat(order("bob", null).awards()).as("one more order, not two").hasSize(1);
        assertThat(explain("bob", moment).completionKept()).isFalse();
    }

    @Test
    void aCompletionRefusedForMoneyInABatch_staysKeptForTheSameUsersLaterEventsOfThatBatch() {
        MomentId moment = orders(3, "100.00", "10.00", null);
        for (int i = 0; i < 2; i++) {
            order("ann", null);
            order("bob", null);
        }
        // one batch: Ann's third order takes the day's one action; Bob's third completes and is refused for the daily
        // cap, so he keeps it, and his fourth, in the same batch, starts from that kept completion (completes again,
        // refused again) as it would have one request later, instead of counting 1 of 3 from a progress used up
        var results = app.events.recordAll(List.of(command("ann"), command("bob"), command("bob")));
        assertThat(results.get(0).result().awards()).hasSize(1);
        assertThat(results.get(1).result().awards()).isEmpty();
        assertThat(results.get(2).result().awards()).isEmpty();

        Explanation bob = explain("bob", moment);
        assertThat(bob.lastRefusal()).isEqualTo("DAILY_CAP");
        assertThat(bob.completionKept()).isTrue();
        app.clock.advance(Duration.ofDays(1));
        assertThat(order("bob", null).awards()).as("one more order the next day, not three").hasSize(1);
    }

    private RecordEventCommand command(String user) {
        app.clock.advance(Duration.ofMinutes(1));
        return new RecordEventCommand(partner, "order-" + ++sequence, "order.completed", user, null, null, Map.of(),
                EventContext.NONE, Map.of());
    }

    @Test
    void refusedForTheDailyCap_theCompletionIsKept_andTheNextOrderTomorrowIsPaid() {
        MomentId moment = twoOrders("100.00", "10.00", null);
        order("ann", null);
        order("ann", null);
        order("bob", null);
        assertThat(order("bob", null).awards()).isEmpty();
        assertThat(explain("bob", moment).lastRefusal()).isEqualTo("DAILY_CAP");

        app.clock.advance(Duration.ofDays(1));
        assertThat(order("bob", null).awards()).hasSize(1);
    }

    @Test
    void refusedForThePartnersMonthlyCap_theCompletionIsKept_andTheNextOrderIsPaidOnceTheCapIsRaised() {
        MomentId moment = twoOrders("100.00", null, null);
        app.partners.setMonthlyCap(partner, "10.00");
        order("ann", null);
        order("ann", null);
        order("bob", null);
        assertThat(order("bob", null).awards()).isEmpty();
        assertThat(explain("bob", moment).lastRefusal()).isEqualTo("MONTHLY_CAP");
        assertThat(explain("bob", moment).completionKept()).isTrue();

        app.partners.setMonthlyCap(partner, "20.00");
        assertThat(order("bob", null).awards()).hasSize(1);
    }

    @Test
    void aKeptCompletionIsPaidByAnOrder_notByAnyEventOfTheMoment() {
        MomentId moment = app.moments.create(new CreateMomentCommand(partner, "Two big orders",
                new CountTrigger(new Match("order.completed", "event.total >= 25"), 2, null), null, null, null,
                ZoneOffset.UTC, new CreateMomentCommand.BudgetSpec("USD", "100.00", "10.00", "10.00"),
                List.of(reward), null, null, null)).moment().id();
        app.moments.change(partner, moment, LifecycleAction.LAUNCH);
        bigOrder("ann", 30);
        bigOrder("ann", 30);
        bigOrder("bob", 30);
        assertThat(bigOrder("bob", 30).awards()).as("the daily cap is used").isEmpty();
        app.clock.advance(Duration.ofDays(1));

        EventResult small = bigOrder("bob", 5);
        assertThat(small.awards()).as("a small order does not match").isEmpty();
        assertThat(small.progress()).singleElement().satisfies(progress -> {
            assertThat(progress.complete()).as("the kept completion, as explain shows it").isTrue();
            assertThat(progress.current()).isEqualByComparingTo(progress.target());
        });
        assertThat(explain("bob", moment).completionKept()).isTrue();
        assertThat(bigOrder("bob", 40).awards()).hasSize(1);
    }

    private EventResult bigOrder(String user, int total) {
        app.clock.advance(Duration.ofMinutes(1));
        return app.events.record(new RecordEventCommand(partner, "order-" + ++sequence, "order.completed", user,
                null, null, Map.of("total", new java.math.BigDecimal(total)), EventContext.NONE, Map.of()));
    }

    @Test
    void refusedForTheUsersOwnLimit_theCompletionIsUsedUp_andTwoMoreOrdersAreNeeded() {
        MomentId moment = twoOrders("100.00", null, new Limits(1, null, null, Duration.ZERO, null));
        order("ann", null);
        assertThat(order("ann", null).awards()).hasSize(1);
        order("ann", null);
        assertThat(order("ann", null).awards()).isEmpty();

        Explanation ann = explain("ann", moment);
        assertThat(ann.lastRefusal()).isEqualTo("LIMIT_PER_USER");
        assertThat(ann.completionKept()).isFalse();
        assertThat(ann.current()).isZero();
        assertThat(ann.completions()).isEqualTo(2);
    }

    @Test
    void refusedForTheCooldown_theCompletionIsUsedUp() {
        MomentId moment = twoOrders("100.00", null, new Limits(5, null, Duration.ofDays(1), Duration.ZERO, null));
        order("ann", null);
        assertThat(order("ann", null).awards()).hasSize(1);
        order("ann", null);
        assertThat(order("ann", null).awards()).isEmpty();

        assertThat(explain("ann", moment).lastRefusal()).isEqualTo("COOLDOWN");
        assertThat(explain("ann", moment).completionKept()).isFalse();
        assertThat(explain("ann", moment).current()).isZero();
    }

    @Test
    void aRefusalThatUsedTheCompletionUp_isNoLongerAReasonOnceTheUserIsOnTheirWayAgain() {
        MomentId moment = orders(3, "100.00", null, new Limits(5, null, Duration.ofDays(1), Duration.ZERO, null));
        for (int i = 0; i < 3; i++) {
            order("ann", null);
        }
        for (int i = 0; i < 3; i++) {
            order("ann", null);
        }
        assertThat(explain("ann", moment).reasons()).contains("COOLDOWN");

        app.clock.advance(Duration.ofDays(2));
        order("ann", null);
        Explanation ann = explain("ann", moment);
        assertThat(ann.lastRefusal()).as("still told").isEqualTo("COOLDOWN");
        assertThat(ann.reasons()).containsExactly("NOT_COMPLETED");
    }

    @Test
    void refusedForTheDevicesLimit_theCompletionIsUsedUp_andExplainedAsSuchRatherThanNotCompleted() {
        MomentId moment = twoOrders("100.00", null, new Limits(1, 1, null, Duration.ZERO, null));
        order("ann", "phone-1");
        assertThat(order("ann", "phone-1").awards()).hasSize(1);
        order("bob", "phone-1");
        assertThat(order("bob", "phone-1").awards()).isEmpty();

        Explanation bob = explain("bob", moment);
        assertThat(bob.reasons()).contains("LIMIT_PER_DEVICE").doesNotContain("NOT_COMPLETED");
        assertThat(bob.lastRefusal()).isEqualTo("LIMIT_PER_DEVICE");
        assertThat(bob.completionKept()).isFalse();
    }
}
