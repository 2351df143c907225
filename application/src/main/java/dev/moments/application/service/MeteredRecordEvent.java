package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.Metrics.EventOutcome;
import dev.moments.domain.shared.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Recording events, counted: each event's outcome and time, and what it committed (its awards, the refusals of its
 * completions). Wraps the use case, so REST and the queue are counted alike; a dry run is not counted.
 */
public final class MeteredRecordEvent implements RecordEventUseCase {

    private final RecordEventUseCase recordEvent;
    private final Metrics metrics;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime} */
    public MeteredRecordEvent(RecordEventUseCase recordEvent, Metrics metrics, LongSupplier nanoTime) {
        this.recordEvent = recordEvent;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public EventResult record(RecordEventCommand command) {
        long started = nanoTime.getAsLong();
        try {
            EventResult result = recordEvent.record(command);
            count(result, since(started));
            return result;
        } catch (RuntimeException failure) {
            metrics.event(outcomeOf(failure), since(started));
            throw failure;
        }
    }

    @Override
    public EventResult dryRun(RecordEventCommand command) {
        return recordEvent.dryRun(command);
    }

    @Override
    public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
        long started = nanoTime.getAsLong();
        List<BatchItem> items = recordEvent.recordAll(commands);
        Duration each = items.isEmpty() ? Duration.ZERO : since(started).dividedBy(items.size());
        for (BatchItem item : items) {
            if (item.failure() == null) {
                count(item.result(), each);
            } else {
                metrics.event(outcomeOf(item.failure()), each);
            }
        }
        return items;
    }

    private void count(EventResult result, Duration took) {
        metrics.event(result.duplicate() ? EventOutcome.DUPLICATE : EventOutcome.RECORDED, took);
        if (!result.duplicate()) {
            for (AwardView award : result.awards()) {
                metrics.awarded(award.award().momentId());
            }
            result.refused().forEach(metrics::refused);
        }
    }

    static EventOutcome outcomeOf(RuntimeException failure) {
        if (failure instanceof EventIdConflictException) {
            return EventOutcome.CONFLICT;
        }
        if (failure instanceof StoreUnavailableException || failure instanceof ConcurrentWriteException) {
            return EventOutcome.UNAVAILABLE;
        }
        return failure instanceof DomainException ? EventOutcome.INVALID : EventOutcome.FAILED;
    }

    private Duration since(long started) {
        return Duration.ofNanos(nanoTime.getAsLong() - started);
    }
}
