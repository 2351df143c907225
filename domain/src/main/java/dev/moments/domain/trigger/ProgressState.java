package dev.moments.domain.trigger;

import java.time.Instant;
import java.util.Objects;

/**
 * One user's progress on one moment, updated by each event without rereading the user's history.
 *
 * @param newest the latest {@code occurredAt} of any event evaluated so far, or {@code null}
 * @param floor events at or before this instant were used up by the last completion, or {@code null}
 * @param root the state of the trigger's nodes since the last completion (complete: a completion kept because it
 *     could not be paid, waiting for the user's next matching event)
 * @param completions how many times the user completed the moment and the completion was used up (awarded, held out,
 *     or refused for the user's own limits)
 * @param lateIgnored how many events arrived too far out of order to count
 */
public record ProgressState(Instant newest, Instant floor, NodeState root, int completions, int lateIgnored) {

    public ProgressState {
        Objects.requireNonNull(root, "root");
    }

    /** The progress of a user who has done nothing yet. */
    public static ProgressState start(Trigger trigger) {
        return new ProgressState(null, null, NodeState.empty(trigger), 0, 0);
    }
}
