package dev.moments.adapter.persistence;

import static dev.moments.adapter.persistence.TestData.AT;
import static dev.moments.adapter.persistence.TestData.unique;
import static dev.moments.adapter.persistence.TestData.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.BudgetLedger;
import dev.moments.domain.shared.CurrencyMismatchException;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The budget ledger on PostgreSQL: atomic reservations, the ledger rows, and the constraints behind them. */
@QuarkusTest
class PostgresBudgetLedgerTest {

    @Inject
    TestData data;

    @Inject
    PostgresBudgetLedger ledger;

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    private boolean reserve(MomentId momentId, String amount) {
        return data.tx(() -> ledger.reserve(momentId, usd(amount), new AwardId(unique("awd_")), AT, DAY))
                == BudgetLedger.Reservation.RESERVED;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> entries(MomentId momentId) {
        return data.tx(() -> Store.em()
                .createNativeQuery("select kind, amount, award_id from budget_ledger where moment_id = :m order by id",
                        Object[].class)
                .setParameter("m", momentId.value())
                .getResultList());
    }

    @Test
    void givenBudgetForTwoActions_reservingExactlyTheRest_succeedsAndOneCentMoreIsRefusedWithoutAnError() {
        Moment moment = data.moment(data.partner(), "20.00", "10.00");

        assertThat(reserve(moment.id(), "10.00")).isTrue();
        assertThat(reserve(moment.id(), "10.01")).isFalse();
        assertThat(reserve(moment.id(), "10.00")).isTrue();
        assertThat(reserve(moment.id(), "0.01")).isFalse();

        Budget budget = data.tx(() -> ledger.find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("20.00"));
        assertThat(budget.remaining()).isEqualTo(usd("0.00"));
    }

    @Test
    void givenBudgetForFiveActions_twentyConcurrentReservations_exactlyFiveSucceed() throws Exception {
        Moment moment = data.moment(data.partner(), "50.00", "10.00");
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return reserve(moment.id(), "10.00");
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (outcome.get(60, TimeUnit.SECONDS)) {
                    successes++;
                }
            }
            assertThat(successes).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        Budget budget = data.tx(() -> ledger.find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("50.00"));
        assertThat(budget.canPayOneAction()).isFalse();
        assertThat(entries(moment.id())).filteredOn(row -> row[0].equals("RESERVE")).hasSize(5);
    }

    @Test
    void givenABudgetReadEarlierInTheTransaction_aReservation_isSeenByTheNextFindAndState() {
        Moment moment = data.moment(data.partner(), "30.00", "10.00");
        BudgetState state = data.tx(() -> {
            Budget before = ledger.find(moment.id()).orElseThrow();
            assertThat(before.reserved()).isEqualTo(usd("0.00"));
            assertThat(ledger.reserve(moment.id(), usd("10.00"), new AwardId(unique("awd_")), AT, DAY))
                    .isEqualTo(BudgetLedger.Reservation.RESERVED);
            assertThat(ledger.find(moment.id()).orElseThrow().reserved()).isEqualTo(usd("10.00"));
            ledger.topUp(moment.id(), usd("5.00"), AT);
            assertThat(ledger.find(moment.id()).orElseThrow().total()).isEqualTo(usd("35.00"));
            return ledger.state(moment.id(), ZoneId.of("UTC"), AT);
        });
        assertThat(state.reserved()).isEqualTo(usd("10.00"));
        assertThat(state.remaining()).isEqualTo(usd("25.00"));
        assertThat(state.spentToday()).isEqualTo(usd("10.00"));
    }

    @Test
    void everyMovementIsALedgerEntry_openingTopUpReservationAndTopUp() {
        Moment moment = data.moment(data.partner(), "20.00", "10.00");
        AwardId awardId = new AwardId(unique("awd_"));
        data.txRun(() -> ledger.reserve(moment.id(), usd("10.00"), awardId, AT, DAY));
        data.txRun(() -> ledger.topUp(moment.id(), usd("7.50"), AT));
        assertThat(reserve(moment.id(), "100.00")).isFalse();

        List<Object[]> rows = entries(moment.id());
        assertThat(rows).extracting(row -> row[0]).containsExactly("TOP_UP", "RESERVE", "TOP_UP");
        assertThat(rows).extracting(row -> (BigDecimal) row[1]).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("7.5"));
        assertThat(rows.get(1)[2]).isEqualTo(awardId.value());
    }

    @Test
    void aBudgetOpenedEmpty_hasNoOpeningEntryAndReservesNothing() {
        Moment moment = data.moment(data.partner(), "0.00", "10.00");
        assertThat(entries(moment.id())).isEmpty();
        assertThat(reserve(moment.id(), "10.00")).isFalse();
        BudgetState state = data.tx(() -> ledger.state(moment.id(), ZoneId.of("UTC"), AT));
        assertThat(state.remaining()).isEqualTo(usd("0.00"));
        assertThat(state.spentToday()).isEqualTo(usd("0.00"));
    }

    @Test
    void aBudgetInYen_comesBackAtTheYensScale() {
        Money total = Money.of("5000", "JPY");
        Moment moment = data.moment(data.partner(), MomentBuilder.aMoment(), total, Money.of("100", "JPY"));
        Budget budget = data.tx(() -> ledger.find(moment.id())).orElseThrow();
        assertThat(budget).isEqualTo(Budget.open(moment.id(), total, null, Money.of("100", "JPY")));
        assertThat(budget.total().amount().scale()).isZero();
        assertThatThrownBy(() -> data.tx(() -> ledger.reserve(moment.id(), usd("100.00"), new AwardId(unique("awd_")),
                AT, DAY))).as("an amount in another currency reserves nothing").isInstanceOf(CurrencyMismatchException.class);
        assertThat(data.tx(() -> ledger.find(moment.id())).orElseThrow().reserved()).isEqualTo(Money.of("0", "JPY"));
    }

    @Test
    void aPaymentThatStartsWhileTheMomentIsBeingFinished_waitsForTheBudgetLockAndSeesTheFinishedMoment()
            throws Exception {
        Moment live = data.moment(data.partner(), "100.00", "10.00").launch(true, AT);
        data.txRun(() -> data.moments.updateStatus(live, dev.moments.domain.moment.MomentStatus.DRAFT));
        CountDownLatch finishing = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> finish = threads.submit(() -> data.txRun(() -> {
                ledger.lock(live.id());
                finishing.countDown();
                pause(400); // the payment below now waits on the budget lock
                data.moments.updateStatus(live.finish(AT.plusSeconds(1)), dev.moments.domain.moment.MomentStatus.LIVE);
            }));
            Future<dev.moments.domain.moment.MomentStatus> payment = threads.submit(() -> {
                finishing.await(10, TimeUnit.SECONDS);
                return data.tx(() -> {
                    ledger.lock(live.id());
                    return data.moments.find(live.partnerId(), live.id()).orElseThrow().status();
                });
            });
            finish.get(30, TimeUnit.SECONDS);
            assertThat(payment.get(30, TimeUnit.SECONDS)).isEqualTo(dev.moments.domain.moment.MomentStatus.FINISHED);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void spentToday_countsReservationsLessReleases_andNotSettlements() {
        Moment moment = data.moment(data.partner(), "100.00", "10.00");
        AwardId settled = new AwardId(unique("awd_"));
        AwardId released = new AwardId(unique("awd_"));
        data.txRun(() -> ledger.reserve(moment.id(), usd("10.00"), settled, AT, DAY));
        data.txRun(() -> ledger.reserve(moment.id(), usd("10.00"), released, AT, DAY));

        data.txRun(() -> ledger.settle(moment.id(), settled, usd("10.00"), usd("8.00"), DAY, AT.plusSeconds(60)));
        assertThat(data.tx(() -> ledger.state(moment.id(), ZoneId.of("UTC"), AT.plusSeconds(3600))).spentToday())
                .isEqualTo(usd("18.00"));

        data.txRun(() -> ledger.release(moment.id(), released, usd("10.00"), DAY, AT.plusSeconds(120)));
        BudgetState state = data.tx(() -> ledger.state(moment.id(), ZoneId.of("UTC"), AT.plusSeconds(3600)));
        assertThat(state.spentToday()).isEqualTo(usd("8.00"));
        assertThat(state.spent()).isEqualTo(usd("8.00"));
        assertThat(state.reserved()).isEqualTo(usd("0.00"));
        assertThat(state.remaining()).isEqualTo(usd("92.00"));
    }

    @Test
    void theDatabaseRefusesAChargeBeyondTheDailyCap_evenFromAWriteThatBypassesTheAdapter() {
        Moment moment = data.moment(data.partner(), "100.00", "10.00");
        data.txRun(() -> Store.em().createNativeQuery("update budgets set daily_cap = 20 where moment_id = :m")
                .setParameter("m", moment.id().value()).executeUpdate());
        assertThatThrownBy(() -> data.txRun(() -> Store.em()
                .createNativeQuery("update budgets set charged_today = 25 where moment_id = :m")
                .setParameter("m", moment.id().value()).executeUpdate()))
                .hasStackTraceContaining("budgets_daily_cap_respected_check");
    }

    @Test
    void ledgerEntriesCannotBeChangedOrDeleted() {
        Moment moment = data.moment(data.partner(), "20.00", "10.00");
        assertThatThrownBy(() -> data.txRun(() -> Store.em()
                .createNativeQuery("update budget_ledger set amount = 1 where moment_id = :m")
                .setParameter("m", moment.id().value()).executeUpdate()))
                .hasStackTraceContaining("immutable");
        assertThatThrownBy(() -> data.txRun(() -> Store.em()
                .createNativeQuery("delete from budget_ledger where moment_id = :m")
                .setParameter("m", moment.id().value()).executeUpdate()))
                .hasStackTraceContaining("immutable");
        assertThat(entries(moment.id())).hasSize(1);
    }

    @Test
    void theDatabaseRefusesAReservationBeyondTheTotal_evenFromAWriteThatBypassesTheAdapter() {
        Moment moment = data.moment(data.partner(), "20.00", "10.00");
        assertThatThrownBy(() -> data.txRun(() -> Store.em()
                .createNativeQuery("update budgets set reserved = 15, spent = 10 where moment_id = :m")
                .setParameter("m", moment.id().value()).executeUpdate()))
                .hasStackTraceContaining("budgets_within_total_check");
        assertThat(data.tx(() -> ledger.find(moment.id())).orElseThrow().reserved()).isEqualTo(usd("0.00"));
    }

    @Test
    void theStateOfAnInstantJustBeforeMidnight_belongsToThatDayInTheZone() {
        Moment moment = data.moment(data.partner(), "100.00", "10.00");
        Instant beforeMidnightInTokyo = Instant.parse("2026-11-25T14:59:59Z");
        data.txRun(() -> ledger.reserve(moment.id(), usd("10.00"), new AwardId(unique("awd_")), beforeMidnightInTokyo,
                LocalDate.parse("2026-11-25")));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(data.tx(() -> ledger.state(moment.id(), tokyo, beforeMidnightInTokyo)).spentToday())
                .isEqualTo(usd("10.00"));
        assertThat(data.tx(() -> ledger.state(moment.id(), tokyo, beforeMidnightInTokyo.plusSeconds(1))).spentToday())
                .isEqualTo(usd("0.00"));
    }
}
