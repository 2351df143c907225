package dev.moments.adapter.persistence;

import static dev.moments.adapter.persistence.TestData.AT;
import static dev.moments.adapter.persistence.TestData.unique;
import static dev.moments.adapter.persistence.TestData.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.PartnerSpending.Cap;
import dev.moments.application.port.out.PartnerSpending.Charge;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.Partner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Monthly caps on PostgreSQL: atomic charges under concurrency, a cap change that waits for awards in flight. */
@QuarkusTest
class PostgresPartnerSpendingTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Inject
    TestData data;

    @Inject
    PostgresPartnerSpending spending;

    @Inject
    PostgresBudgetLedger ledger;

    @Test
    void givenACapForTwenty_fiftyConcurrentCharges_exactlyTwentySucceed() throws Exception {
        Partner partner = data.partner();
        data.txRun(() -> spending.setCap(partner.id(), usd("200.00"), NOVEMBER));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Charge>> outcomes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return data.tx(() -> {
                        spending.lock(partner.id());
                        return spending.charge(partner.id(), usd("10.00"), NOVEMBER);
                    });
                }));
            }
            start.countDown();
            int charged = 0;
            for (Future<Charge> outcome : outcomes) {
                Charge charge = outcome.get(1, TimeUnit.MINUTES);
                assertThat(charge).isIn(Charge.CHARGED, Charge.MONTHLY_CAP);
                charged += charge == Charge.CHARGED ? 1 : 0;
            }
            assertThat(charged).isEqualTo(20);
            assertThat(data.tx(() -> spending.cap(partner.id(), NOVEMBER)))
                    .contains(new Cap(usd("200.00"), usd("200.00")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewCapWaitsForAnAwardInFlightAndCountsIt() throws Exception {
        Partner partner = data.partner();
        Moment moment = data.moment(partner, "1000.00", "10.00");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch charged = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Future<Charge> award = pool.submit(() -> data.tx(() -> {
                spending.lock(partner.id());
                Charge charge = spending.charge(partner.id(), usd("10.00"), NOVEMBER);
                ledger.reserve(moment.id(), usd("10.00"), new AwardId(unique("awd_")), AT, DAY);
                charged.countDown();
                await(finish);
                return charge;
            }));
            assertThat(charged.await(1, TimeUnit.MINUTES)).isTrue();
            Future<?> setCap = pool.submit(() -> data.txRun(() ->
                    spending.setCap(partner.id(), usd("100.00"), NOVEMBER)));
            Thread.sleep(300);
            assertThat(setCap.isDone()).as("the cap waits for the award in flight").isFalse();
            finish.countDown();

            assertThat(award.get(1, TimeUnit.MINUTES)).isEqualTo(Charge.NO_CAP);
            setCap.get(1, TimeUnit.MINUTES);
            assertThat(data.tx(() -> spending.cap(partner.id(), NOVEMBER)))
                    .contains(new Cap(usd("100.00"), usd("10.00")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void awardsOfAPartnerWithoutACapDoNotWaitForEachOther() throws Exception {
        Partner partner = data.partner();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Future<Charge> first = pool.submit(() -> data.tx(() -> {
                spending.lock(partner.id());
                Charge charge = spending.charge(partner.id(), usd("10.00"), NOVEMBER);
                locked.countDown();
                await(finish);
                return charge;
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(data.tx(() -> {
                spending.lock(partner.id());
                return spending.charge(partner.id(), usd("10.00"), NOVEMBER);
            })).isEqualTo(Charge.NO_CAP);
            finish.countDown();
            assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo(Charge.NO_CAP);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseRefusesANonPositiveCapAndNegativeCharges() {
        Partner partner = data.partner();
        assertThatThrownBy(() -> data.txRun(() -> Sql.update("update partners set monthly_cap = 0 where id = ?",
                partner.id().value()))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> data.txRun(() -> Sql.update(
                "update partners set charged_this_month = ? where id = ?", new BigDecimal("-1"),
                partner.id().value()))).isInstanceOf(RuntimeException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
