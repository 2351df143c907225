package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryBudgetLedger;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.InvalidAwardTransitionException;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reserve on completion, release on cancel or expiry, daily caps: the money flow on in-memory ports. */
class MoneyFlowTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme");
        reward = app.sandboxCredit(partner);
    }

    private MomentId live(String total, String dailyCap, Limits limits) {
        MomentView view = app.moments.create(new CreateMomentCommand(partner, "Order", new EventTrigger("order", null),
                null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", total, dailyCap, "10.00"),
                List.of(reward), limits, null, null));
        app.moments.change(partner, view.moment().id(), LifecycleAction.LAUNCH);
        return view.moment().id();
    }

    private List<AwardView> order(String user) {
        app.clock.advance(Duration.ofSeconds(1));
        return app.events.record(new RecordEventCommand(partner, "evt-" + user + app.clock.now(), "order", user, null,
                null, Map.of("total", BigDecimal.TEN), null, null)).awards();
    }

    /** The ledger's entries add up to the budget's state. */
    private void assertLedgerBalances(MomentId moment) {
        Budget budget = app.ledger.find(moment).orElseThrow();
        Money topUps = Money.zero(budget.total().currency());
        Money reserved = topUps;
        Money spent = topUps;
        for (InMemoryBudgetLedger.Entry entry : app.ledger.entries()) {
            if (!entry.momentId().equals(moment)) {
                continue;
            }
            switch (entry.kind()) {
                case "TOP_UP" -> topUps = topUps.plus(entry.amount());
                case "RESERVE" -> reserved = reserved.plus(entry.amount());
                case "RELEASE" -> reserved = reserved.minus(entry.amount());
                case "SETTLE" -> {
                    reserved = reserved.minus(entry.amount());
                    spent = spent.plus(entry.amount());
                }
                default -> throw new IllegalStateException(entry.kind());
            }
        }
        assertThat(topUps).isEqualTo(budget.total());
        assertThat(reserved).isEqualTo(budget.reserved());
        assertThat(spent).isEqualTo(budget.spent());
    }

    @Test
    void cancellingAnAwardReleasesItsReservationAndAnExhaustedMomentGoesLiveAgain() {
        MomentId moment = live("10.00", null, null);
        AwardView award = order("u-1").get(0);
        assertThat(app.moments.get(partner, moment).moment().status()).isEqualTo(MomentStatus.EXHAUSTED);

        AwardView cancelled = app.cancelAward.cancel(partner, award.award().id());

        assertThat(cancelled.award().status()).isEqualTo(AwardStatus.CANCELLED);
        MomentView after = app.moments.get(partner, moment);
        assertThat(after.moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(after.budgetState().reserved().isZero()).isTrue();
        assertThat(after.budgetState().spentToday().isZero()).isTrue();
        assertLedgerBalances(moment);
    }

    @Test
    void aMomentMadeLiveAgainByAReleasePaysTheNextCompletionAtOnce() {
        live("10.00", null, null);
        AwardView award = order("u-1").get(0);
        app.clock.advance(Duration.ofSeconds(5).plusMillis(1)); // past the listening index's age: read again
        assertThat(order("u-2")).as("exhausted").isEmpty();

        app.cancelAward.cancel(partner, award.award().id());

        assertThat(order("u-3")).as("not left to the next reload of the listening moments").hasSize(1);
    }

    @Test
    void anAwardCanBeCancelledOnceAndOnlyByItsPartner() {
        live("100.00", null, null);
        AwardView award = order("u-1").get(0);
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        assertThatThrownBy(() -> app.cancelAward.cancel(other, award.award().id()))
                .isInstanceOf(NotFoundException.class);
        app.cancelAward.cancel(partner, award.award().id());
        assertThatThrownBy(() -> app.cancelAward.cancel(partner, award.award().id()))
                .isInstanceOf(InvalidAwardTransitionException.class);
    }

    @Test
    void anAwardNotClaimedWithinItsDeadlineExpiresAndItsReservationIsReleased() {
        MomentId moment = live("100.00", null, new Limits(1, null, null, Duration.ZERO, Duration.ofDays(30)));
        AwardView award = order("u-1").get(0);
        order("u-2");
        app.clock.advance(Duration.ofDays(29));
        assertThat(app.expireAwards.expireDue(100).expired()).isZero();

        app.clock.advance(Duration.ofDays(2));

        assertThat(app.expireAwards.expireDue(1).expired()).isEqualTo(1);
        assertThat(app.expireAwards.expireDue(100).expired()).isEqualTo(1);
        assertThat(app.expireAwards.expireDue(100).expired()).isZero();
        assertThat(app.awards.get(partner, award.award().id()).award().status()).isEqualTo(AwardStatus.EXPIRED);
        assertThat(app.moments.get(partner, moment).budgetState().reserved().isZero()).isTrue();
        assertLedgerBalances(moment);
    }

    @Test
    void theBudgetSaysOnceWhenItIsEightyPercentUsedAndOnceWhenItIsExhausted() {
        MomentId moment = live("50.00", null, null);
        for (int user = 1; user <= 3; user++) {
            assertThat(order("u-" + user)).hasSize(1);
        }
        assertThat(budgetEvents()).isEmpty();
        assertThat(order("u-4")).hasSize(1);
        assertThat(budgetEvents()).extracting(e -> e.type()).containsExactly("budget.low");
        assertThat(budgetEvents().get(0).data()).containsEntry("momentId", moment.value())
                .containsEntry("reserved", "40.00").containsEntry("remaining", "10.00");
        assertThat(order("u-5")).hasSize(1);
        assertThat(order("u-6")).isEmpty();
        assertThat(budgetEvents()).extracting(e -> e.type())
                .containsExactly("budget.low", "budget.exhausted");
        assertThat(budgetEvents().get(1).data()).containsEntry("momentId", moment.value())
                .containsEntry("remaining", "0.00");
        assertThat(budgetEvents()).extracting(e -> e.id()).allMatch(id -> id.startsWith("evt_"));
        assertThat(app.outbox.recent(partner, 100)).extracting(e -> e.type())
                .as("with the awards and the status change they caused")
                .containsSubsequence("award.earned", "budget.low", "award.earned", "budget.exhausted")
                .containsSubsequence("moment.status_changed", "budget.exhausted");

        app.moments.topUp(partner, moment, "50.00");
        for (int user = 7; user <= 9; user++) {
            order("u-" + user);
        }
        assertThat(budgetEvents()).extracting(e -> e.type())
                .containsExactly("budget.low", "budget.exhausted", "budget.low");
        order("u-10");
        order("u-11");
        assertThat(budgetEvents()).extracting(e -> e.type())
                .containsExactly("budget.low", "budget.exhausted", "budget.low", "budget.exhausted");
    }

    /** The budget's own events, among all the partner's. */
    private List<DomainEventOutbox.OutboxEvent> budgetEvents() {
        return app.outbox.recent(partner, 100).stream().filter(e -> e.type().startsWith("budget.")).toList();
    }

    @Test
    void theDailyCapRefusesAwardsUntilTheNextDayWhileTheMomentStaysLive() {
        MomentId moment = live("100.00", "20.00", new Limits(1, null, null, Duration.ZERO, null));
        assertThat(order("u-1")).hasSize(1);
        assertThat(order("u-2")).hasSize(1);
        assertThat(order("u-3")).isEmpty();
        assertThat(app.explain.explain(partner, "u-4", moment).reasons()).contains("DAILY_CAP");
        assertThat(app.moments.get(partner, moment).moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(app.moments.get(partner, moment).budgetState().spentToday().toDecimalString()).isEqualTo("20.00");

        app.clock.advance(Duration.ofDays(1));

        assertThat(order("u-4")).hasSize(1);
        assertLedgerBalances(moment);
    }
}
