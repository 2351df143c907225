package dev.moments.application.service;

import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
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
 * its own. A call that finds every unit slot taken parks until its event is done or a slot frees.
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
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

    /**
     * Units of up to {@value RecordEventService#UNIT_OF_WORK} events, as a batch's.
     *
     * @param units how many units may run at once (each holds one database connection)
     */
    public GroupCommit(RecordEventUseCase recordEvent, int units) {
        this(recordEvent, units, RecordEventService.UNIT_OF_WORK);
    }

    /**
     * @param units how many units may run at once (each holds one database connection)
     * @param maxEvents the most events one unit takes
     */
    public GroupCommit(RecordEventUseCase recordEvent, int units, int maxEvents) {
        if (units < 1 || maxEvents < 1) {
            throw new IllegalArgumentException("units and maxEvents must be at least 1");
        }
        this.recordEvent = Objects.requireNonNull(recordEvent, "recordEvent");
        this.units = new Semaphore(units);
        this.maxEvents = maxEvents;
    }

    @Override
    public EventResult record(RecordEventCommand command) {
        Pending mine = new Pending(command, Thread.currentThread());
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
                LockSupport.park(this); // until a unit answers this call, or a slot frees
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
