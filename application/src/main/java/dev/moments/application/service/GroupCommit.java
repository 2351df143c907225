package dev.moments.application.service;

import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for single events: concurrent {@link #record} calls share units of work. A call queues its event and,
 * when fewer than {@code units} units are running, becomes a leader: it takes every queued event (up to
 * {@code maxEvents}), records them together with {@link RecordEventUseCase#recordAll} — one transaction, the budget
 * locked once per unit — and hands each waiting call its own result or failure, exactly what it would have got on
 * its own. A call that finds every unit slot taken parks until its event is done or a slot frees; one whose event no
 * unit has taken within {@code maxWait} (the units are stuck, e.g. on a lock) leaves the queue and fails with
 * {@link StoreUnavailableException}, as a request that waits too long for a pooled connection does.
 *
 * <p>Nothing waits for a window to fill: alone, an event is a unit of one at once; under load, the events that arrive
 * while the running units hold the database form the next unit. The callers' own threads do the work (no thread of
 * this class, no hand-off), so whatever context the caller runs in — its transaction runner, its request — the unit
 * runs in too. Dry runs and batches pass straight through.
 */
public final class GroupCommit implements RecordEventUseCase {

    private final RecordEventUseCase recordEvent;
    private final Semaphore units;
    private final int maxEvents;
    private final Duration maxWait;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

    /**
     * Units of up to {@value RecordEventService#UNIT_OF_WORK} events, as a batch's.
     *
     * @param units how many units may run at once (each holds one database connection)
     * @param maxWait how long an event may wait for a unit to take it
     */
    public GroupCommit(RecordEventUseCase recordEvent, int units, Duration maxWait) {
        this(recordEvent, units, RecordEventService.UNIT_OF_WORK, maxWait);
    }

    /**
     * @param units how many units may run at once (each holds one database connection)
     * @param maxEvents the most events one unit takes
     * @param maxWait how long an event may wait for a unit to take it
     */
    public GroupCommit(RecordEventUseCase recordEvent, int units, int maxEvents, Duration maxWait) {
        if (units < 1 || maxEvents < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("units and maxEvents must be at least 1, maxWait not negative");
        }
        this.recordEvent = Objects.requireNonNull(recordEvent, "recordEvent");
        this.units = new Semaphore(units);
        this.maxEvents = maxEvents;
        this.maxWait = maxWait;
    }

    @Override
    public EventResult record(RecordEventCommand command) {
        Pending mine = new Pending(command, Thread.currentThread());
        long deadline = System.nanoTime() + maxWait.toNanos();
        queue.add(mine);
        while (!mine.isDone()) {
            boolean led = false;
            if (units.tryAcquire()) {
                try {
                    led = lead();
                } finally {
                    units.release();
                    wakeNext();
                }
            }
            if (!led && !mine.isDone()) {
                waitForUnit(mine, deadline);
            }
        }
        return mine.answer();
    }

    @Override
    public EventResult dryRun(RecordEventCommand command) {
        return recordEvent.dryRun(command);
    }

    @Override
    public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
        return recordEvent.recordAll(commands);
    }

    /**
     * Parks until a unit answers this call or a slot frees; past the deadline, an event no unit has taken leaves the
     * queue and fails, and one a unit took waits for that unit's answer.
     */
    private void waitForUnit(Pending mine, long deadline) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            LockSupport.parkNanos(this, left);
        } else if (queue.remove(mine)) {
            throw new StoreUnavailableException("no unit of work could take the event within " + maxWait
                    + ": the units running are waiting for the database", null);
        } else {
            LockSupport.park(this); // a unit took it: its answer comes
        }
    }

    /** How many calls wait for a unit to take their event. */
    int queued() {
        return queue.size();
    }

    /**
     * Records what is queued (this call's event, unless another leader took it), answering every call in it.
     *
     * @return whether there was anything to record
     */
    private boolean lead() {
        List<Pending> unit = new ArrayList<>();
        for (Pending next; unit.size() < maxEvents && (next = queue.poll()) != null; ) {
            unit.add(next);
        }
        if (unit.isEmpty()) {
            return false;
        }
        List<BatchItem> items;
        try {
            items = recordEvent.recordAll(unit.stream().map(Pending::command).toList());
        } catch (RuntimeException | Error failed) {
            unit.forEach(pending -> pending.fail(failed));
            throw failed;
        }
        for (int i = 0; i < unit.size(); i++) {
            unit.get(i).complete(items.get(i));
        }
        return true;
    }

    /** A unit slot is free: the oldest waiting call may lead the next unit. */
    private void wakeNext() {
        Pending next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    /** A call's event, waiting for its unit. */
    private static final class Pending {

        private final RecordEventCommand command;
        private final Thread thread;
        private volatile BatchItem item;
        private volatile Throwable unitFailure;

        Pending(RecordEventCommand command, Thread thread) {
            this.command = command;
            this.thread = thread;
        }

        RecordEventCommand command() {
            return command;
        }

        boolean isDone() {
            return item != null || unitFailure != null;
        }

        void complete(BatchItem answer) {
            item = answer;
            LockSupport.unpark(thread);
        }

        void fail(Throwable failure) {
            unitFailure = failure;
            LockSupport.unpark(thread);
        }

        EventResult answer() {
            if (unitFailure instanceof RuntimeException failure) {
                throw failure;
            }
            if (unitFailure instanceof Error failure) {
                throw failure;
            }
            if (item.failure() != null) {
                throw item.failure();
            }
            return item.result();
        }
    }
}
