package dev.moments.adapter.persistence;

import static dev.moments.adapter.persistence.TestData.AT;
import static dev.moments.adapter.persistence.TestData.award;
import static dev.moments.adapter.persistence.TestData.event;
import static dev.moments.adapter.persistence.TestData.unique;
import static dev.moments.adapter.persistence.TestData.usd;
import static dev.moments.application.fixtures.Waits.await;
import static dev.moments.application.fixtures.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.BudgetExhaustedException;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transactions on PostgreSQL: what commits, what rolls back, and which failures mean "try again". */
@QuarkusTest
class QuarkusTransactionRunnerTest {

    @Inject
    TestData data;

    /** Two threads of its own: the transactions of one test wait for each other, so they must run side by side. */
    private final ExecutorService twoThreads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        twoThreads.shutdownNow();
    }

    @Test
    void givenARecordedEvent_theSameEventIdAgain_isAConcurrentWriteThroughTheRunner() {
        Partner partner = data.partner();
        data.txRun(() -> data.events.insert(event(partner, "evt-1")));

        Throwable thrown = catchThrowable(() -> data.txRun(() -> data.events.insert(event(partner, "evt-1"))));

        assertThat(thrown).isInstanceOf(ConcurrentWriteException.class);
        assertThat(thrown).hasStackTraceContaining("events_pkey");
    }

    @Test
    void givenAnAward_aSecondAwardForTheSameCompletion_isAConcurrentWriteAndTheWholeUnitRollsBack() {
        Moment moment = data.moment(data.partner(), "100.00", "10.00");
        data.txRun(() -> data.awards.insert(award(moment, "u-1", 1), "sealed"));
        Award second = award(moment, "u-1", 1);
        Award third = award(moment, "u-1", 2);

        assertThatThrownBy(() -> data.txRun(() -> {
            data.awards.insert(third, "sealed");
            data.awards.insert(second, "sealed");
        })).isInstanceOf(ConcurrentWriteException.class);

        assertThat(data.tx(() -> data.awards.countForUser(moment.id(), "u-1"))).isEqualTo(1);
        assertThat(data.tx(() -> data.awards.find(moment.partnerId(), third.id()))).isEmpty();
    }

    @Test
    void twoTransactionsInsertingOneEventIdAtOnce_oneCommitsAndTheOtherIsAConcurrentWrite() throws Exception {
        Partner partner = data.partner();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> data.txRun(() -> {
            data.events.insert(event(partner, "evt-race"));
            firstInserted.countDown();
            await(secondStarted);
            sleep(300); // the second insert now waits on this transaction's uncommitted key
        }), twoThreads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            await(firstInserted);
            data.txRun(() -> {
                secondStarted.countDown();
                data.events.insert(event(partner, "evt-race"));
            });
        }, twoThreads);

        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConcurrentWriteException.class);
        assertThat(data.tx(() -> data.events.find(partner.id(), "evt-race"))).isPresent();
    }

    @Test
    void twoTransactionsToppingUpTwoBudgetsInOppositeOrder_theDeadlockVictimGetsAConcurrentWrite() throws Exception {
        Partner partner = data.partner();
        Moment a = data.moment(partner, "10.00", "10.00");
        Moment b = data.moment(partner, "10.00", "10.00");
        CountDownLatch bothLocked = new CountDownLatch(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> data.txRun(() -> {
            data.ledger.topUp(a.id(), usd("1.00"), AT);
            bothLocked.countDown();
            await(bothLocked);
            data.ledger.topUp(b.id(), usd("1.00"), AT);
        }), twoThreads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> data.txRun(() -> {
            data.ledger.topUp(b.id(), usd("1.00"), AT);
            bothLocked.countDown();
            await(bothLocked);
            data.ledger.topUp(a.id(), usd("1.00"), AT);
        }), twoThreads);

        int failures = 0;
        for (CompletableFuture<Void> transaction : List.of(first, second)) {
            try {
                transaction.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConcurrentWriteException.class);
                failures++;
            }
        }
        assertThat(failures).isEqualTo(1);
        assertThat(data.tx(() -> data.ledger.find(a.id())).orElseThrow().total()).isEqualTo(usd("11.00"));
        assertThat(data.tx(() -> data.ledger.find(b.id())).orElseThrow().total()).isEqualTo(usd("11.00"));
    }

    @Test
    void aDomainExceptionThrownInsideTheRunner_reachesTheCallerUnchanged_andNothingIsCommitted() {
        Partner partner = new Partner(new PartnerId(unique("ptn_")), "Rolled back", TestData.usd("1.00").currency(), AT);
        InvalidValueException refusal = new InvalidValueException("name", "no");

        Throwable thrown = catchThrowable(() -> data.txRun(() -> {
            data.partners.insert(partner);
            throw refusal;
        }));

        assertThat(thrown).isSameAs(refusal);
        assertThat(data.tx(() -> data.partners.find(partner.id()))).isEmpty();
    }

    @Test
    void aDomainExceptionAfterAReservation_undoesTheReservationAndItsLedgerEntry() {
        Moment moment = data.moment(data.partner(), "10.00", "10.00");
        BudgetExhaustedException refusal = new BudgetExhaustedException(moment.id(), usd("0.00"), usd("10.00"));

        Throwable thrown = catchThrowable(() -> data.txRun(() -> {
            data.ledger.reserve(moment.id(), usd("10.00"), new AwardId(unique("awd_")), AT, java.time.LocalDate.EPOCH);
            throw refusal;
        }));

        assertThat(thrown).isSameAs(refusal);
        assertThat(data.tx(() -> data.ledger.find(moment.id())).orElseThrow().reserved()).isEqualTo(usd("0.00"));
        assertThat(data.tx(() -> data.ledger.state(moment.id(), ZoneId.of("UTC"), AT)).spentToday())
                .isEqualTo(usd("0.00"));
    }

    @Test
    void aConcurrentWriteThrownByTheWork_reachesTheCallerAsItWas() {
        ConcurrentWriteException lost = new ConcurrentWriteException("changed meanwhile", null);
        assertThat(catchThrowable(() -> data.tx(() -> {
            throw lost;
        }))).isSameAs(lost);
    }

    @Test
    void anErrorThrownByTheWork_reachesTheCallerUnwrapped() {
        AssertionError error = new AssertionError("boom");
        assertThat(catchThrowable(() -> data.tx(() -> {
            throw error;
        }))).isSameAs(error);
    }

    @Test
    void aViolatedCheckConstraint_isNotMistakenForAConcurrentWrite() {
        Moment moment = data.moment(data.partner(), "10.00", "10.00");
        Throwable thrown = catchThrowable(() -> data.txRun(() -> Store.em()
                .createNativeQuery("update budgets set reserved = -1 where moment_id = :m")
                .setParameter("m", moment.id().value()).executeUpdate()));
        assertThat(thrown).isNotInstanceOf(ConcurrentWriteException.class)
                .hasStackTraceContaining("budgets_reserved_check");
    }

    @Test
    void aRunnerInsideARunner_joinsItsTransaction_soTheOuterRollbackUndoesTheInnerWorkToo() {
        Partner inner = new Partner(new PartnerId(unique("ptn_")), "Inner", usd("1.00").currency(), AT);
        Partner outer = new Partner(new PartnerId(unique("ptn_")), "Outer", usd("1.00").currency(), AT);
        IllegalStateException failure = new IllegalStateException("outer fails");

        assertThat(catchThrowable(() -> data.txRun(() -> {
            data.partners.insert(outer);
            data.txRun(() -> data.partners.insert(inner));
            assertThat(data.runner().isActive()).isTrue();
            throw failure;
        }))).isSameAs(failure);

        assertThat(data.tx(() -> data.partners.find(inner.id()))).isEmpty();
        assertThat(data.tx(() -> data.partners.find(outer.id()))).isEmpty();
        assertThat(data.runner().isActive()).isFalse();
    }

    @Test
    void aLostRaceInAJoinedRunner_isAConcurrentWrite_andRollsBackTheWholeTransaction() {
        Partner partner = data.partner();
        data.txRun(() -> data.events.insert(event(partner, "evt-joined")));
        Partner outer = new Partner(new PartnerId(unique("ptn_")), "Outer", usd("1.00").currency(), AT);

        Throwable thrown = catchThrowable(() -> data.txRun(() -> {
            data.partners.insert(outer);
            Throwable inner = catchThrowable(() -> data.txRun(() -> data.events.insert(event(partner, "evt-joined"))));
            assertThat(inner).isInstanceOf(ConcurrentWriteException.class);
            throw (ConcurrentWriteException) inner;
        }));

        assertThat(thrown).isInstanceOf(ConcurrentWriteException.class);
        assertThat(data.tx(() -> data.partners.find(outer.id()))).isEmpty();
    }

    @Test
    void aJoinedRunnerThatFails_doomsTheTransactionItJoined_evenIfTheOuterWorkGoesOn() {
        Partner outer = new Partner(new PartnerId(unique("ptn_")), "Outer", usd("1.00").currency(), AT);

        Throwable thrown = catchThrowable(() -> data.txRun(() -> {
            data.partners.insert(outer);
            catchThrowable(() -> data.txRun(() -> {
                throw new IllegalStateException("inner fails");
            }));
        }));

        assertThat(thrown).isNotNull();
        assertThat(data.tx(() -> data.partners.find(outer.id()))).isEmpty();
    }

    @Test
    void afterCommitWork_runsOnceTheOutermostTransactionCommitted_andSeesItsRowsFromATransactionOfItsOwn() {
        Partner partner = new Partner(new PartnerId(unique("ptn_")), "Committed", usd("1.00").currency(), AT);
        List<String> order = new ArrayList<>();

        data.txRun(() -> {
            data.txRun(() -> data.partners.insert(partner));
            data.runner().afterCommit(() -> order.add("after commit, found: "
                    + data.tx(() -> data.partners.find(partner.id())).isPresent()));
            order.add("outer work");
        });

        assertThat(order).containsExactly("outer work", "after commit, found: true");
    }

    @Test
    void afterCommitWork_runsAtOnceOutsideATransaction_andNeverAfterARollback() {
        List<String> order = new ArrayList<>();
        data.runner().afterCommit(() -> order.add("at once"));

        assertThat(catchThrowable(() -> data.txRun(() -> {
            data.runner().afterCommit(() -> order.add("after a rollback"));
            throw new IllegalStateException("fails");
        }))).isInstanceOf(IllegalStateException.class);

        assertThat(order).containsExactly("at once");
    }
}
