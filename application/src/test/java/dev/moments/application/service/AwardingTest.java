package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The award a dry run shows is the one the completion would get: a test award reserves nothing. Locking last, the
 * money moves at the end, and only if nothing it was decided on has moved since it was read.
 */
class AwardingTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme");
        reward = app.sandboxCredit(partner);
    }

    private MomentId moment(LifecycleAction action) {
        var moment = app.moments.create(new CreateMomentCommand(partner, "Order", new EventTrigger("order", null),
                null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"),
                List.of(reward), null, null, null));
        app.moments.change(partner, moment.moment().id(), action);
        return moment.moment().id();
    }

    private AwardView dryRun(boolean testUser) {
        List<AwardView> awards = app.events.dryRun(new RecordEventCommand(partner, "e1", "order", "u-1", null, null,
                Map.of(), new EventContext(null, null, null, testUser), null)).awards();
        assertThat(awards).hasSize(1);
        return awards.get(0);
    }

    @Test
    void aDryRunOnALiveMomentShowsAnAwardReservingThePricePerAction() {
        moment(LifecycleAction.LAUNCH);

        AwardView award = dryRun(false);

        assertThat(award.award().test()).isFalse();
        assertThat(award.award().reserved().toDecimalString()).isEqualTo("10.00");
    }

    @Test
    void aDryRunOnAMomentInTestShowsATestAwardReservingNothing() {
        moment(LifecycleAction.TEST);

        AwardView award = dryRun(true);

        assertThat(award.award().test()).isTrue();
        assertThat(award.award().reserved().isZero()).isTrue();
    }

    @Nested
    class LockingLast {

        private final Awarding awarding = app.evaluations.awarding();
        private MomentId moment;

        @BeforeEach
        void givenALiveMomentPaying10From100() {
            moment = moment(LifecycleAction.LAUNCH);
        }

        private Awarding.Paying decide(String userId, boolean testUser) {
            Moment read = app.momentRepository.find(partner, moment).orElseThrow();
            return awarding.pay(List.of(new Awarding.Completion(read, userId, null, "e-" + userId, app.clock.now(),
                    testUser, true)), app.clock.now(), Awarding.Locking.LAST);
        }

        private Money reserved() {
            return app.ledger.find(moment).orElseThrow().reserved();
        }

        @Test
        void theAwardIsWrittenWhenDecided_andItsMoneyReservedOnlyWhenMovedLast() {
            Awarding.Paying paying = decide("u-1", false);

            AwardView award = paying.payments().get(0).award();
            assertThat(app.awardRepository.find(partner, award.award().id())).isPresent();
            assertThat(reserved().isZero()).isTrue();

            paying.moveMoney();

            assertThat(reserved()).isEqualTo(Money.of("10.00", "USD"));
        }

        @Test
        void aChangeOfTheMomentAfterTheRead_failsTheReservation_andNothingIsReserved() {
            Awarding.Paying paying = decide("u-1", false);
            app.ledger.lockToChange(moment); // a pause or an edit committed meanwhile

            assertThatThrownBy(paying::moveMoney).isInstanceOf(Awarding.MoneyMoved.class);
            assertThat(reserved().isZero()).isTrue();
        }

        @Test
        void aBudgetSpentAfterTheRead_failsTheReservation() {
            Awarding.Paying paying = decide("u-1", false);
            List<AwardId> others = IntStream.range(0, 10).mapToObj(i -> new AwardId("other-" + i)).toList();
            app.ledger.reserveAll(moment, Money.of("10.00", "USD"), others, app.clock.now(),
                    LocalDate.ofInstant(app.clock.now(), ZoneOffset.UTC));

            assertThatThrownBy(paying::moveMoney).isInstanceOf(Awarding.MoneyMoved.class);
            assertThat(reserved()).isEqualTo(Money.of("100.00", "USD"));
        }

        @Test
        void aCappedPartnersMonthUsedUpAfterTheRead_failsTheCharge() {
            app.partners.setMonthlyCap(partner, "10.00");
            Awarding.Paying paying = decide("u-1", false);
            app.spending.charge(partner, Money.of("5.00", "USD"), SpendingMonth.of(app.clock.now()));

            assertThatThrownBy(paying::moveMoney).isInstanceOf(Awarding.MoneyMoved.class);
            assertThat(reserved().isZero()).isTrue();
        }

        @Test
        void aMomentInTestChangedAfterTheRead_failsItsCheckThoughItReservesNothing() {
            moment = moment(LifecycleAction.TEST);
            Awarding.Paying paying = decide("tester", true);
            assertThat(paying.payments().get(0).award().award().test()).isTrue();
            app.ledger.lockToChange(moment);

            assertThatThrownBy(paying::moveMoney).isInstanceOf(Awarding.MoneyMoved.class);
        }

        @Test
        void lockingFirst_aReservationTheStoreRefuses_isALostRace() {
            Moment read = app.momentRepository.find(partner, moment).orElseThrow();
            Awarding.Paying paying = awarding.pay(List.of(new Awarding.Completion(read, "u-1", null, "e-1",
                    app.clock.now(), false, true)), app.clock.now(), Awarding.Locking.FIRST);
            app.ledger.reserveAll(moment, Money.of("100.00", "USD"), List.of(new AwardId("other")), app.clock.now(),
                    LocalDate.ofInstant(app.clock.now(), ZoneOffset.UTC)); // impossible under the real lock

            assertThatThrownBy(paying::moveMoney).isInstanceOf(ConcurrentWriteException.class);
        }
    }
}
