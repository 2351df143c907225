package dev.moments.application.port.out.contract;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code BudgetLedger} must do. */
public abstract class BudgetLedgerContract extends ContractSupport {

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    private boolean reserve(MomentId moment, String amount, Instant at) {
        return reserveOn(moment, amount, at, DAY) == BudgetLedger.Reservation.RESERVED;
    }

    private BudgetLedger.Reservation reserveOn(MomentId moment, String amount, Instant at, LocalDate day) {
        return tx(() -> ports().ledger().reserve(moment, usd(amount), new AwardId(unique("awd_")), at, day));
    }

    private Moment withDailyCap(String total, String dailyCap, String costPerAction) {
        Moment moment = MomentBuilder.aMoment().id(unique("mom_")).partner(givenPartner().id())
                .rewards(new dev.moments.domain.reward.RewardId("rwd_x")).build();
        txRun(() -> {
            ports().moments().insert(moment);
            ports().ledger().open(Budget.open(moment.id(), usd(total), usd(dailyCap), usd(costPerAction)), AT);
        });
        return moment;
    }

    @Test
    void anOpenedBudgetHasNothingReservedOrSpent() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget).isEqualTo(Budget.open(moment.id(), usd("20.00"), null, usd("10.00")));
    }

    @Test
    void lockingABudgetReadsItAsItStandsUnderTheLock() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        reserve(moment.id(), "10.00", AT);
        Budget locked = tx(() -> {
            ports().ledger().lock(moment.id());
            ports().ledger().reserve(moment.id(), usd("5.00"), new AwardId(unique("awd_")), AT, DAY);
            return ports().ledger().lock(moment.id());
        });
        assertThat(locked.reserved()).isEqualTo(usd("15.00"));
        assertThat(locked).isEqualTo(tx(() -> ports().ledger().find(moment.id())).orElseThrow());
    }

    @Test
    void aBudgetReservesUpToItsTotalAndNotOneCentMore() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        assertThat(reserve(moment.id(), "10.00", AT)).isTrue();
        assertThat(reserve(moment.id(), "9.99", AT)).isTrue();
        assertThat(reserve(moment.id(), "0.02", AT)).isFalse();
        assertThat(reserve(moment.id(), "0.01", AT)).isTrue();
        assertThat(reserve(moment.id(), "0.01", AT)).isFalse();

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("20.00"));
        assertThat(budget.remaining()).isEqualTo(usd("0.00"));
    }

    @Test
    void reservingForSeveralAwardsIsOneStepAllOrNothingWithAnEntryEach() {
        Moment moment = withDailyCap("50.00", "30.00", "10.00");
        List<AwardId> three = List.of(new AwardId(unique("awd_")), new AwardId(unique("awd_")),
                new AwardId(unique("awd_")));
        List<AwardId> four = List.of(new AwardId(unique("awd_")), new AwardId(unique("awd_")),
                new AwardId(unique("awd_")), new AwardId(unique("awd_")));

        // four would pass the total (50) but not the day's cap (30): nothing is reserved
        assertThat(tx(() -> ports().ledger().reserveAll(moment.id(), usd("10.00"), four, AT, DAY)))
                .isEqualTo(BudgetLedger.Reservation.DAILY_CAP);
        assertThat(tx(() -> ports().ledger().reserveAll(moment.id(), usd("10.00"), three, AT, DAY)))
                .isEqualTo(BudgetLedger.Reservation.RESERVED);
        // the next day: 20 left in the total, so three more are refused whole
        assertThat(tx(() -> ports().ledger().reserveAll(moment.id(), usd("10.00"), four.subList(0, 3), AT,
                DAY.plusDays(1)))).isEqualTo(BudgetLedger.Reservation.BUDGET_EXHAUSTED);

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("30.00"));
        assertThat(tx(() -> ports().ledger().state(moment.id(), java.time.ZoneOffset.UTC, AT)).spentToday())
                .isEqualTo(usd("30.00"));
        assertThat(tx(() -> ports().history().entries(moment.partnerId(), moment.id(),
                new dev.moments.application.port.PageRequest(10, null))).items())
                .extracting(e -> e.kind().name() + " " + e.amount().toDecimalString() + " " + e.awardId())
                .containsExactly("TOP_UP 50.00 null", "RESERVE 10.00 " + three.get(0), "RESERVE 10.00 " + three.get(1),
                        "RESERVE 10.00 " + three.get(2));
    }

    private List<AwardId> awardIds(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new AwardId(unique("awd_"))).toList();
    }

    private List<String> entries(Moment moment) {
        return tx(() -> ports().history().entries(moment.partnerId(), moment.id(), new PageRequest(20, null)))
                .items().stream().map(e -> e.kind().name() + " " + e.amount().toDecimalString() + " " + e.awardId())
                .toList();
    }

    @Test
    void aBudgetReadWithoutItsLock_carriesTodaysChargesAndAGenerationThatOnlyAChangeMovesOn() {
        Moment moment = withDailyCap("100.00", "50.00", "10.00");
        reserveOn(moment.id(), "10.00", AT, DAY);
        BudgetLedger.Unlocked before = tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT))
                .orElseThrow();
        assertThat(before.budget()).isEqualTo(tx(() -> ports().ledger().find(moment.id())).orElseThrow());
        assertThat(before.chargedToday()).isEqualTo(usd("10.00"));
        assertThat(tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT.plusSeconds(86_400)))
                .orElseThrow().chargedToday()).isEqualTo(usd("0.00"));

        // money moving and plain locks leave the generation as it is; a lock to change the moment moves it on
        reserveOn(moment.id(), "10.00", AT, DAY);
        txRun(() -> ports().ledger().topUp(moment.id(), usd("10.00"), AT));
        txRun(() -> ports().ledger().lock(moment.id()));
        assertThat(tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT)).orElseThrow()
                .generation()).isEqualTo(before.generation());
        Budget locked = tx(() -> ports().ledger().lockToChange(moment.id()));
        assertThat(locked.reserved()).isEqualTo(usd("20.00"));
        assertThat(tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT)).orElseThrow()
                .generation()).isGreaterThan(before.generation());
        assertThat(tx(() -> ports().ledger().read(new MomentId(unique("mom_")), java.time.ZoneOffset.UTC, AT)))
                .isEmpty();
    }

    @Test
    void aReservationAtTheGenerationRead_reservesForEveryAward_andAnswersTheBudgetAfter() {
        Moment moment = withDailyCap("100.00", "50.00", "10.00");
        long generation = tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT)).orElseThrow()
                .generation();
        List<AwardId> two = awardIds(2);

        Budget after = tx(() -> ports().ledger().reserveAllIfUnchanged(moment.id(), generation, usd("10.00"), two,
                AT, DAY)).orElseThrow();

        assertThat(after.reserved()).isEqualTo(usd("20.00"));
        assertThat(after).isEqualTo(tx(() -> ports().ledger().find(moment.id())).orElseThrow());
        assertThat(tx(() -> ports().ledger().state(moment.id(), java.time.ZoneOffset.UTC, AT)).spentToday())
                .isEqualTo(usd("20.00"));
        assertThat(entries(moment)).containsExactly("TOP_UP 100.00 null", "RESERVE 10.00 " + two.get(0),
                "RESERVE 10.00 " + two.get(1));
    }

    @Test
    void aReservationAtAGenerationThatMovedOn_orBeyondTheTotal_orTheDaysCap_reservesNothing() {
        Moment moment = withDailyCap("50.00", "30.00", "10.00");
        long generation = tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT)).orElseThrow()
                .generation();
        txRun(() -> ports().ledger().lockToChange(moment.id()));

        assertThat(tx(() -> ports().ledger().reserveAllIfUnchanged(moment.id(), generation, usd("10.00"),
                awardIds(1), AT, DAY))).isEmpty();
        long now = tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT)).orElseThrow()
                .generation();
        assertThat(tx(() -> ports().ledger().reserveAllIfUnchanged(moment.id(), now, usd("10.00"), awardIds(4), AT,
                DAY))).as("beyond the day's cap of 30").isEmpty();
        assertThat(tx(() -> ports().ledger().reserveAllIfUnchanged(moment.id(), now, usd("10.00"), awardIds(3), AT,
                DAY))).isPresent();
        assertThat(tx(() -> ports().ledger().reserveAllIfUnchanged(moment.id(), now, usd("10.00"), awardIds(3), AT,
                DAY.plusDays(1)))).as("beyond the 20 left of the total").isEmpty();

        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow().reserved()).isEqualTo(usd("30.00"));
        assertThat(entries(moment)).hasSize(1 + 3);
    }

    @Test
    void aMomentIsUnchangedUntilALockToChangeIt() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        long generation = tx(() -> ports().ledger().read(moment.id(), java.time.ZoneOffset.UTC, AT)).orElseThrow()
                .generation();
        reserve(moment.id(), "10.00", AT);
        assertThat(tx(() -> ports().ledger().isUnchanged(moment.id(), generation))).isTrue();

        txRun(() -> ports().ledger().lockToChange(moment.id()));

        assertThat(tx(() -> ports().ledger().isUnchanged(moment.id(), generation))).isFalse();
    }

    @Test
    void aReservationIsVisibleToAFindInTheSameTransaction() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        Budget after = tx(() -> {
            ports().ledger().find(moment.id());
            ports().ledger().reserve(moment.id(), usd("10.00"), new AwardId(unique("awd_")), AT, DAY);
            return ports().ledger().find(moment.id()).orElseThrow();
        });
        assertThat(after.reserved()).isEqualTo(usd("10.00"));
    }

    @Test
    void aTopUpRaisesTheTotalSoAnExhaustedBudgetPaysAgain() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "10.00", "10.00");
        assertThat(reserve(moment.id(), "10.00", AT)).isTrue();
        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow().canPayOneAction()).isFalse();

        txRun(() -> ports().ledger().topUp(moment.id(), usd("10.00"), AT));

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.total()).isEqualTo(usd("20.00"));
        assertThat(budget.canPayOneAction()).isTrue();
        assertThat(reserve(moment.id(), "10.00", AT)).isTrue();
    }

    @Test
    void theStateCountsTodaysChargesInTheMomentsTimeZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Moment moment = givenMoment(givenPartner(), aMoment().schedule(new Schedule(AT, null, newYork)),
                "100.00", "10.00");
        Instant lateEveningInNewYork = Instant.parse("2026-11-26T04:30:00Z"); // 23:30 on the 25th in New York
        Instant nextMorningInNewYork = Instant.parse("2026-11-26T05:30:00Z"); // 00:30 on the 26th
        reserveOn(moment.id(), "10.00", lateEveningInNewYork, LocalDate.parse("2026-11-25"));
        reserveOn(moment.id(), "10.00", nextMorningInNewYork, LocalDate.parse("2026-11-26"));
        reserveOn(moment.id(), "10.00", nextMorningInNewYork.plusSeconds(60), LocalDate.parse("2026-11-26"));

        BudgetState onTheTwentySixth = tx(() -> ports().ledger().state(moment.id(), newYork,
                Instant.parse("2026-11-26T12:00:00Z")));
        assertThat(onTheTwentySixth.spentToday()).isEqualTo(usd("20.00"));
        assertThat(onTheTwentySixth.reserved()).isEqualTo(usd("30.00"));
        assertThat(onTheTwentySixth.spent()).isEqualTo(usd("0.00"));
        assertThat(onTheTwentySixth.remaining()).isEqualTo(usd("70.00"));

        BudgetState onTheTwentySeventh = tx(() -> ports().ledger().state(moment.id(), newYork,
                Instant.parse("2026-11-27T12:00:00Z")));
        assertThat(onTheTwentySeventh.spentToday()).isEqualTo(usd("0.00"));
    }

    @Test
    void theDailyCapRefusesTheActionThatWouldExceedItAndANewDayStartsFromZero() {
        Moment moment = withDailyCap("100.00", "25.00", "10.00");
        LocalDate today = LocalDate.parse("2026-11-25");
        assertThat(reserveOn(moment.id(), "10.00", AT, today)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "10.00", AT, today)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "10.00", AT, today)).isEqualTo(BudgetLedger.Reservation.DAILY_CAP);
        assertThat(reserveOn(moment.id(), "5.00", AT, today)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "10.00", AT.plusSeconds(86_400), today.plusDays(1)))
                .isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow().reserved()).isEqualTo(usd("35.00"));
    }

    @Test
    void anExhaustedBudgetSaysSoEvenUnderItsDailyCap() {
        Moment moment = withDailyCap("10.00", "50.00", "10.00");
        assertThat(reserveOn(moment.id(), "10.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "10.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.BUDGET_EXHAUSTED);
    }

    @Test
    void aReleaseGivesTheMoneyBackAndFreesTheDaysCap() {
        Moment moment = withDailyCap("100.00", "20.00", "10.00");
        AwardId award = new AwardId(unique("awd_"));
        txRun(() -> ports().ledger().reserve(moment.id(), usd("10.00"), award, AT, DAY));
        assertThat(reserveOn(moment.id(), "10.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "10.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.DAILY_CAP);

        txRun(() -> ports().ledger().release(moment.id(), award, usd("10.00"), DAY, AT.plusSeconds(5)));

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("10.00"));
        assertThat(budget.remaining()).isEqualTo(usd("90.00"));
        assertThat(reserveOn(moment.id(), "10.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);
    }

    @Test
    void aBudgetIsMarkedLowOnceWhenEightyPercentIsUsedAndAgainAfterATopUp() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "100.00", "10.00");
        for (int i = 0; i < 7; i++) {
            reserve(moment.id(), "10.00", AT);
        }
        assertThat(tx(() -> ports().ledger().markLowOnce(moment.id()))).isFalse();
        reserve(moment.id(), "10.00", AT);
        assertThat(tx(() -> ports().ledger().markLowOnce(moment.id()))).isTrue();
        reserve(moment.id(), "10.00", AT);
        assertThat(tx(() -> ports().ledger().markLowOnce(moment.id()))).isFalse();

        txRun(() -> ports().ledger().topUp(moment.id(), usd("100.00"), AT));
        assertThat(tx(() -> ports().ledger().markLowOnce(moment.id()))).isFalse();
        for (int i = 0; i < 7; i++) {
            reserve(moment.id(), "10.00", AT);
        }
        assertThat(tx(() -> ports().ledger().markLowOnce(moment.id()))).isTrue();
    }

    @Test
    void aSettleChargesTheCostAndReleasesTheRest() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "100.00", "10.00");
        AwardId award = new AwardId(unique("awd_"));
        txRun(() -> ports().ledger().reserve(moment.id(), usd("10.00"), award, AT, DAY));
        txRun(() -> ports().ledger().settle(moment.id(), award, usd("10.00"), usd("8.00"), DAY, AT.plusSeconds(5)));

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("0.00"));
        assertThat(budget.spent()).isEqualTo(usd("8.00"));
        assertThat(budget.remaining()).isEqualTo(usd("92.00"));
    }

    @Test
    void aRefundGivesASettledCostBackToWhatRemains() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "100.00", "10.00");
        AwardId award = new AwardId(unique("awd_"));
        txRun(() -> ports().ledger().reserve(moment.id(), usd("10.00"), award, AT, DAY));
        txRun(() -> ports().ledger().settle(moment.id(), award, usd("10.00"), usd("8.00"), DAY, AT.plusSeconds(5)));
        txRun(() -> ports().ledger().refund(moment.id(), award, usd("8.00"), DAY, AT.plusSeconds(9)));

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("0.00"));
        assertThat(budget.spent()).isEqualTo(usd("0.00"));
        assertThat(budget.remaining()).isEqualTo(usd("100.00"));
        assertThat(tx(() -> ports().ledger().state(moment.id(), java.time.ZoneOffset.UTC, AT)).spentToday())
                .isEqualTo(usd("0.00"));
        assertThat(tx(() -> ports().history().entries(moment.partnerId(), moment.id(),
                new dev.moments.application.port.PageRequest(10, null))).items())
                .extracting(e -> e.kind().name() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 100.00", "RESERVE 10.00", "SETTLE 8.00", "RELEASE 2.00", "REFUND 8.00");
    }

    @Test
    void moreThanWasSpentCannotBeRefunded() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "100.00", "10.00");
        AwardId award = new AwardId(unique("awd_"));
        txRun(() -> ports().ledger().reserve(moment.id(), usd("10.00"), award, AT, DAY));
        txRun(() -> ports().ledger().settle(moment.id(), award, usd("10.00"), usd("8.00"), DAY, AT));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> txRun(() -> ports().ledger().refund(moment.id(),
                award, usd("9.00"), DAY, AT))).isInstanceOf(IllegalStateException.class);
        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow().spent()).isEqualTo(usd("8.00"));
    }

    @Test
    void repricingChangesThePriceAndTheCapButNotTheMoneyNorTheLedger() {
        Moment moment = withDailyCap("100.00", "30.00", "10.00");
        assertThat(reserveOn(moment.id(), "10.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);

        assertThat(tx(() -> ports().ledger().reprice(moment.id(), usd("5.00"), usd("20.00"), DAY))).isTrue();

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget).isEqualTo(new Budget(moment.id(), usd("100.00"), usd("20.00"), usd("5.00"), usd("10.00"),
                usd("0.00")));
        // the day keeps what it charged, now under the new cap: 10 + 5 + 5, then no more
        assertThat(reserveOn(moment.id(), "5.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "5.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "5.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.DAILY_CAP);
        assertThat(tx(() -> ports().history().entries(moment.partnerId(), moment.id(),
                new dev.moments.application.port.PageRequest(10, null))).items())
                .extracting(e -> e.kind().name() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 100.00", "RESERVE 10.00", "RESERVE 5.00", "RESERVE 5.00");
    }

    @Test
    void aCapBelowWhatTheDayAlreadyChargedIsRefusedAndChangesNothing() {
        Moment moment = withDailyCap("100.00", "30.00", "10.00");
        reserveOn(moment.id(), "10.00", AT, DAY);
        reserveOn(moment.id(), "10.00", AT, DAY);

        assertThat(tx(() -> ports().ledger().reprice(moment.id(), usd("5.00"), usd("15.00"), DAY))).isFalse();
        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow())
                .extracting(Budget::costPerAction, Budget::dailyCap).containsExactly(usd("10.00"), usd("30.00"));

        assertThat(tx(() -> ports().ledger().reprice(moment.id(), usd("5.00"), usd("20.00"), DAY))).isTrue();
        assertThat(reserveOn(moment.id(), "5.00", AT, DAY)).isEqualTo(BudgetLedger.Reservation.DAILY_CAP);
    }

    @Test
    void whatAnEarlierDayChargedDoesNotHoldBackANewCapNorTheNextDay() {
        Moment moment = withDailyCap("100.00", "30.00", "10.00");
        reserveOn(moment.id(), "10.00", AT, DAY);
        reserveOn(moment.id(), "10.00", AT, DAY);
        LocalDate tomorrow = DAY.plusDays(1);

        assertThat(tx(() -> ports().ledger().reprice(moment.id(), usd("10.00"), usd("10.00"), tomorrow))).isTrue();

        assertThat(reserveOn(moment.id(), "10.00", AT.plusSeconds(86_400), tomorrow))
                .isEqualTo(BudgetLedger.Reservation.RESERVED);
        assertThat(reserveOn(moment.id(), "10.00", AT.plusSeconds(86_400), tomorrow))
                .isEqualTo(BudgetLedger.Reservation.DAILY_CAP);
        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow().reserved()).isEqualTo(usd("30.00"));
    }

    @Test
    void repricingWithoutACapRemovesIt() {
        Moment moment = withDailyCap("100.00", "10.00", "10.00");
        reserveOn(moment.id(), "10.00", AT, DAY);

        assertThat(tx(() -> ports().ledger().reprice(moment.id(), usd("12.50"), null, DAY))).isTrue();

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.dailyCap()).isNull();
        assertThat(budget.costPerAction()).isEqualTo(usd("12.50"));
        assertThat(reserveOn(moment.id(), "12.50", AT, DAY)).isEqualTo(BudgetLedger.Reservation.RESERVED);
    }
}
