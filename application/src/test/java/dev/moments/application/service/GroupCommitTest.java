package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.partner.PartnerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent single events share units of work, and each call still gets exactly its own answer. */
class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService callers = Executors.newFixedThreadPool(40);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Records units as they come; the first unit waits for {@code release}, so the calls behind it queue up. */
    private static class Units implements RecordEventUseCase {

        final List<List<String>> recorded = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public EventResult record(RecordEventCommand command) {
            throw new AssertionError("single events go through recordAll");
        }

        @Override
        public EventResult dryRun(RecordEventCommand command) {
            return result(command.id() + " (dry run)");
        }

        @Override
        public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                recorded.add(commands.stream().map(RecordEventCommand::id).toList());
                if (firstStarted.getCount() == 1) {
                    firstStarted.countDown();
                    await(release);
                }
                return commands.stream().map(command -> command.id().startsWith("bad")
                        ? BatchItem.failed(new EventIdConflictException(command.id()))
                        : BatchItem.of(result(command.id()))).toList();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void callsArrivingWhileTheUnitSlotIsTaken_areRecordedTogetherInTheNextUnit_eachAnsweredWithItsOwnResult()
            throws Exception {
        Units units = new Units();
        GroupCommit groupCommit = new GroupCommit(units, 1, 100, WAIT);

        List<Future<EventResult>> calls = queuedBehindAHeldUnit(groupCommit, units, ids(30));

        for (int i = 0; i <= 30; i++) {
            assertThat(calls.get(i).get(30, TimeUnit.SECONDS).eventId()).isEqualTo("e-" + i);
        }
        assertThat(units.recorded).hasSize(2);
        assertThat(units.recorded.get(0)).containsExactly("e-0");
        assertThat(units.recorded.get(1)).hasSize(30);
        assertThat(units.mostAtOnce).hasValue(1);
    }

    @Test
    void aUnitTakesAtMostMaxEvents_andTheRestFollowInTheNextUnits() throws Exception {
        Units units = new Units();
        GroupCommit groupCommit = new GroupCommit(units, 1, 8, WAIT);

        for (Future<EventResult> call : queuedBehindAHeldUnit(groupCommit, units, ids(20))) {
            call.get(30, TimeUnit.SECONDS);
        }
        assertThat(units.recorded.subList(1, units.recorded.size())).extracting(List::size)
                .containsExactly(8, 8, 4);
    }

    @Test
    void anEventsOwnFailure_reachesOnlyItsCaller() throws Exception {
        Units units = new Units();
        GroupCommit groupCommit = new GroupCommit(units, 1, 100, WAIT);

        List<Future<EventResult>> calls = queuedBehindAHeldUnit(groupCommit, units, "e-1", "bad-2");
        Future<EventResult> good = calls.get(1);
        Future<EventResult> bad = calls.get(2);

        calls.get(0).get(30, TimeUnit.SECONDS);
        assertThat(good.get(30, TimeUnit.SECONDS).eventId()).isEqualTo("e-1");
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(EventIdConflictException.class);
        assertThat(units.recorded.get(1)).containsExactlyInAnyOrder("e-1", "bad-2");
    }

    @Test
    void aUnitThatThrows_failsEveryCallInIt_andTheNextCallsStillGoThrough() {
        AtomicInteger calls = new AtomicInteger();
        RecordEventUseCase breaksOnce = new Units() {
            @Override
            public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
                if (calls.getAndIncrement() == 0) {
                    throw new IllegalStateException("the unit broke");
                }
                return commands.stream().map(command -> BatchItem.of(result(command.id()))).toList();
            }
        };
        GroupCommit groupCommit = new GroupCommit(breaksOnce, 2, 100, WAIT);

        assertThatThrownBy(() -> groupCommit.record(command("e-1"))).hasMessage("the unit broke");
        assertThat(groupCommit.record(command("e-2")).eventId()).isEqualTo("e-2");
    }

    @Test
    void aUnitThatThrows_failsTheCallsItTookFromOtherCallersToo() throws Exception {
        Units units = new Units() {
            @Override
            public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
                List<BatchItem> items = super.recordAll(commands); // the first unit is held, then answers
                if (recorded.size() > 1) {
                    throw new IllegalStateException("the unit broke");
                }
                return items;
            }
        };
        GroupCommit groupCommit = new GroupCommit(units, 1, 100, WAIT);

        List<Future<EventResult>> calls = queuedBehindAHeldUnit(groupCommit, units, "e-1", "e-2");
        Future<EventResult> one = calls.get(1);
        Future<EventResult> other = calls.get(2);

        assertThat(calls.get(0).get(30, TimeUnit.SECONDS).eventId()).isEqualTo("e-0");
        // whichever call led the unit, the other one's answer is the unit's failure, not a wait until maxWait
        assertThatThrownBy(() -> one.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("the unit broke");
        assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("the unit broke");
        assertThat(units.recorded.get(1)).containsExactlyInAnyOrder("e-1", "e-2");
    }

    @Test
    void withMaxEventsOne_everyEventIsAUnitOfItsOwn() throws Exception {
        Units units = new Units();
        GroupCommit groupCommit = new GroupCommit(units, 1, 1, WAIT);

        List<Future<EventResult>> calls = queuedBehindAHeldUnit(groupCommit, units, "e-1", "e-2");
        Future<EventResult> one = calls.get(1);
        Future<EventResult> other = calls.get(2);

        assertThat(calls.get(0).get(30, TimeUnit.SECONDS).eventId()).isEqualTo("e-0");
        assertThat(one.get(30, TimeUnit.SECONDS).eventId()).isEqualTo("e-1");
        assertThat(other.get(30, TimeUnit.SECONDS).eventId()).isEqualTo("e-2");
        assertThat(units.recorded).hasSize(3).allSatisfy(unit -> assertThat(unit).hasSize(1));
    }

    @Test
    void manyCallersAtOnce_neverRunMoreUnitsThanAllowed_andAllAreAnswered() throws Exception {
        Units units = new Units();
        units.firstStarted.countDown(); // no unit waits
        GroupCommit groupCommit = new GroupCommit(units, 3, 100, WAIT);
        List<Future<EventResult>> calls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String id = "e-" + i;
            calls.add(callers.submit(() -> groupCommit.record(command(id))));
        }

        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS).eventId()).isEqualTo("e-" + i);
        }
        assertThat(units.recorded.stream().mapToInt(List::size).sum()).isEqualTo(2_000);
        assertThat(units.mostAtOnce.get()).isBetween(1, 3);
    }

    @Test
    void anEventNoUnitTakesWithinMaxWait_failsAsTheStoreBeingUnavailable_andLeavesTheQueue() throws Exception {
        Units units = new Units();
        GroupCommit groupCommit = new GroupCommit(units, 1, 100, Duration.ofMillis(300));

        Future<EventResult> stuck = firstUnitHeld(groupCommit, units); // as on a locked row
        Future<EventResult> queued = callers.submit(() -> groupCommit.record(command("e-1")));

        assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(groupCommit.queued()).isZero();
        units.release.countDown();
        assertThat(stuck.get(30, TimeUnit.SECONDS).eventId()).as("a unit past the wait still answers").isEqualTo("e-0");
        assertThat(units.recorded).containsExactly(List.of("e-0"));
        assertThat(groupCommit.record(command("e-2")).eventId()).isEqualTo("e-2");
    }

    @Test
    void dryRunsAndBatchesPassStraightThrough() {
        Units units = new Units();
        units.firstStarted.countDown();
        GroupCommit groupCommit = new GroupCommit(units, 1, 100, WAIT);

        assertThat(groupCommit.dryRun(command("e-1")).eventId()).isEqualTo("e-1 (dry run)");
        assertThat(groupCommit.recordAll(List.of(command("e-2"), command("e-3")))).hasSize(2);
        assertThat(units.recorded).containsExactly(List.of("e-2", "e-3"));
        assertThatThrownBy(() -> new GroupCommit(units, 0, 100, WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit(units, 1, 0, WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit(units, 1, 100, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Records e-0 and returns once its unit is running and held until {@code units.release}. */
    private Future<EventResult> firstUnitHeld(GroupCommit groupCommit, Units units) {
        Future<EventResult> first = callers.submit(() -> groupCommit.record(command("e-0")));
        await(units.firstStarted);
        return first;
    }

    /** Holds a first unit (e-0), queues one call per id behind it, then lets the unit go: e-0's call, then theirs. */
    private List<Future<EventResult>> queuedBehindAHeldUnit(GroupCommit groupCommit, Units units, String... ids)
            throws InterruptedException {
        List<Future<EventResult>> calls = new ArrayList<>();
        calls.add(firstUnitHeld(groupCommit, units));
        for (String id : ids) {
            calls.add(callers.submit(() -> groupCommit.record(command(id))));
        }
        waitUntilQueued(groupCommit, ids.length);
        units.release.countDown();
        return calls;
    }

    /** e-1 … e-{@code count}. */
    private static String[] ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "e-" + i).toArray(String[]::new);
    }

    private static void waitUntilQueued(GroupCommit groupCommit, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && groupCommit.queued() < calls) {
            Thread.sleep(5);
        }
        assertThat(groupCommit.queued()).as("calls queued behind the first unit").isEqualTo(calls);
    }

    private static RecordEventCommand command(String id) {
        return new RecordEventCommand(new PartnerId("p-1"), id, "order.completed", "u-" + id, null, null, Map.of(),
                null, null);
    }

    private static EventResult result(String eventId) {
        return new EventResult(eventId, false, List.of(), List.of(), List.of(), List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
