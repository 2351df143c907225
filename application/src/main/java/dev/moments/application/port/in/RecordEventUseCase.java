package dev.moments.application.port.in;

import dev.moments.application.port.BadgeEarned;
import dev.moments.application.port.PointsEarned;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.moment.MomentId;
import java.util.List;

/**
 * A partner reports what a user did: the event is stored once, evaluated against the moments listening to its
 * type, and every completion it brings is awarded and paid for, all in one transaction.
 */
public interface RecordEventUseCase {

    /**
     * @throws EventIdConflictException if the event id was used before with another body
     * @throws dev.moments.domain.shared.InvalidValueException if the event is malformed
     */
    EventResult record(RecordEventCommand command);

    /** What the event would lead to now; stores and consumes nothing (no award, no progress, no event). */
    EventResult dryRun(RecordEventCommand command);

    /**
     * Records many events, in order, as few units of work as possible: within one, every event's progress is worked
     * out first and the completions are paid after, together, so a hot moment's budget is locked once per unit rather
     * than once per event. Each event gets the result {@link #record} would give it, or its own failure; one bad event
     * never fails the others.
     */
    List<BatchItem> recordAll(List<RecordEventCommand> commands);

    /** One event's part of {@link #recordAll}: its result, or why it failed. */
    record BatchItem(EventResult result, RuntimeException failure) {

        public static BatchItem of(EventResult result) {
            return new BatchItem(java.util.Objects.requireNonNull(result, "result"), null);
        }

        public static BatchItem failed(RuntimeException failure) {
            return new BatchItem(null, java.util.Objects.requireNonNull(failure, "failure"));
        }
    }

    /**
     * What an event led to.
     *
     * @param duplicate whether this event id was seen before with the same body; then nothing happened again
     * @param refused why each completion it brought was not paid ({@code HOLDOUT}, {@code BUDGET_EXHAUSTED}, …);
     *     empty for a duplicate, which brought nothing again
     */
    record EventResult(String eventId, boolean duplicate, List<AwardView> awards, List<ProgressView> progress,
                       List<MomentId> holdout, List<Refusal> refused, List<PointsEarned> points,
                       List<BadgeEarned> badges) {

        public EventResult {
            refused = List.copyOf(refused);
            points = List.copyOf(points);
            badges = List.copyOf(badges);
        }

        /** A result that earned no points and no badges. */
        public EventResult(String eventId, boolean duplicate, List<AwardView> awards, List<ProgressView> progress,
                           List<MomentId> holdout, List<Refusal> refused) {
            this(eventId, duplicate, awards, progress, holdout, refused, List.of(), List.of());
        }
    }

    /** How far a user got on one moment, in the trigger's unit. */
    record ProgressView(MomentId momentId, boolean complete, java.math.BigDecimal current,
                        java.math.BigDecimal target) {
    }
}
