package dev.moments.adapter.persistence;

import static dev.moments.application.fixtures.Waits.await;
import static dev.moments.application.fixtures.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.trigger.NodeState;
import dev.moments.domain.trigger.Observation;
import dev.moments.domain.trigger.ProgressState;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users' progress on PostgreSQL: row locks that serialise a user's events, the first insert race, the stored JSON. */
@QuarkusTest
class PostgresProgressRepositoryTest {

    private static final Instant AT = TestData.AT;

    @Inject
    TestData data;

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static UserProgress progress(Moment moment, String userId, int completions) {
        return new UserProgress(moment.partnerId(), moment.id(), userId,
                new ProgressState(AT, null, NodeState.empty(moment.trigger()), completions, 0), false, null, AT);
    }

    private static UserProgress completedOnceMore(UserProgress progress) {
        ProgressState state = progress.state();
        return new UserProgress(progress.partnerId(), progress.momentId(), progress.userId(),
                new ProgressState(state.newest(), state.floor(), state.root(), state.completions() + 1,
                        state.lateIgnored()), progress.holdout(), progress.lastRefusal(), progress.updatedAt());
    }

    @Test
    void twoTransactionsLockingOneProgress_theSecondWaitsForTheFirstToCommitAndSeesItsUpdate() throws Exception {
        Moment moment = data.moment(data.partner(), "10.00", "1.00");
        data.txRun(() -> data.progress.insert(progress(moment, "u-1", 0)));
        CountDownLatch firstLocked = new CountDownLatch(1);
        AtomicLong firstCommitting = new AtomicLong();
        AtomicLong secondLocked = new AtomicLong();

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> data.txRun(() -> {
            UserProgress locked = data.progress.lock(moment.id(), "u-1").orElseThrow();
            firstLocked.countDown();
            sleep(500); // the second transaction now waits on the row lock
            data.progress.update(completedOnceMore(locked));
            firstCommitting.set(System.nanoTime());
        }), threads);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            await(firstLocked);
            return data.tx(() -> {
                UserProgress locked = data.progress.lock(moment.id(), "u-1").orElseThrow();
                secondLocked.set(System.nanoTime());
                data.progress.update(completedOnceMore(locked));
                return locked.state().completions();
            });
        }, threads);

        first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS)).as("the second saw the first one's update").isEqualTo(1);
        assertThat(secondLocked.get()).as("the second got the lock after the first one finished its work")
                .isGreaterThan(firstCommitting.get());
        assertThat(data.tx(() -> data.progress.find(moment.partnerId(), moment.id(), "u-1")).orElseThrow()
                .state().completions()).isEqualTo(2);
    }

    @Test
    void manyConcurrentLockAndUpdateCycles_loseNoUpdate() throws Exception {
        Moment moment = data.moment(data.partner(), "10.00", "1.00");
        data.txRun(() -> data.progress.insert(progress(moment, "u-1", 0)));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> cycles = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            cycles.add(CompletableFuture.runAsync(() -> {
                await(start);
                data.txRun(() -> data.progress.update(
                        completedOnceMore(data.progress.lock(moment.id(), "u-1").orElseThrow())));
            }, threads));
        }
        start.countDown();
        for (CompletableFuture<Void> cycle : cycles) {
            cycle.get(60, TimeUnit.SECONDS);
        }
        assertThat(data.tx(() -> data.progress.lock(moment.id(), "u-1")).orElseThrow().state().completions())
                .isEqualTo(16);
    }

    @Test
    void aLockedProgress_doesNotBlockAnotherUsersProgress() throws Exception {
        Moment moment = data.moment(data.partner(), "10.00", "1.00");
        data.txRun(() -> {
            data.progress.insert(progress(moment, "u-1", 0));
            data.progress.insert(progress(moment, "u-2", 0));
        });
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> data.txRun(() -> {
            data.progress.lock(moment.id(), "u-1").orElseThrow();
            locked.countDown();
            await(release);
        }), threads);
        await(locked);
        try {
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> data.tx(() ->
                    data.progress.lock(moment.id(), "u-2").orElseThrow().state().completions()), threads);
            assertThat(other.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
    }

    @Test
    void twoConcurrentFirstInserts_oneCommitsAndTheOtherIsAConcurrentWrite() throws Exception {
        Moment moment = data.moment(data.partner(), "10.00", "1.00");
        CountDownLatch firstInserted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> data.txRun(() -> {
            data.progress.insert(progress(moment, "u-1", 1));
            firstInserted.countDown();
            sleep(300); // the second insert waits on this uncommitted key, then fails
        }), threads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            await(firstInserted);
            data.txRun(() -> data.progress.insert(progress(moment, "u-1", 2)));
        }, threads);

        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConcurrentWriteException.class);
        assertThat(data.tx(() -> data.progress.lock(moment.id(), "u-1")).orElseThrow().state().completions())
                .isEqualTo(1);
    }

    @Test
    void updatingAProgressThatWasNeverInserted_fails() {
        Moment moment = data.moment(data.partner(), "10.00", "1.00");
        assertThatThrownBy(() -> data.txRun(() -> data.progress.update(progress(moment, "u-1", 1))))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theStoredStateIsCompactJson_andAwkwardValuesRoundTripExactly() {
        Moment moment = data.moment(data.partner(), "10.00", "1.00");
        NodeState leaf = new NodeState(true, 7, new BigDecimal("0.00"),
                List.of(new Observation(Instant.parse("1969-12-31T23:59:59.999999Z"), new BigDecimal("1E+3"), 0),
                        new Observation(Instant.parse("2026-11-25T10:00:00.123456789Z"), new BigDecimal("-0.10"), 5)),
                List.of(LocalDate.parse("2026-02-28")), List.of());
        ProgressState state = new ProgressState(Instant.parse("2026-11-25T10:00:00.123456Z"), null,
                new NodeState(false, 0, BigDecimal.ZERO, List.of(), List.of(), List.of(leaf)), 0, 2);
        UserProgress progress = new UserProgress(moment.partnerId(), moment.id(), "u-1", state, true,
                "BUDGET_EXHAUSTED", Instant.parse("2026-11-25T10:00:00.654321Z"));
        data.txRun(() -> data.progress.insert(progress));

        assertThat(data.tx(() -> data.progress.find(moment.partnerId(), moment.id(), "u-1"))).contains(progress);
        Object stored = data.tx(() -> Store.em()
                .createNativeQuery("select cast(state as text) from user_progress where moment_id = :m",
                        String.class)
                .setParameter("m", moment.id().value()).getSingleResult());
        assertThat(Json.read((String) stored)).isEqualTo(Json.read("{\"n\":1795600800123456,\"l\":2,\"r\":{\"k\":[{"
                + "\"x\":true,\"c\":7,\"s\":\"0.00\",\"o\":[{\"t\":-1,\"a\":\"1E+3\"},"
                + "{\"t\":\"2026-11-25T10:00:00.123456789Z\",\"a\":\"-0.10\",\"s\":5}],\"d\":[\"2026-02-28\"]}]}}"));
    }
}
