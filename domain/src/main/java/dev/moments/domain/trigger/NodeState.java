package dev.moments.domain.trigger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What one node of a trigger remembers between events. Small by construction: windowed nodes keep only the
 * observations that a future event could still combine with; the others keep a count, a sum or a set of days.
 *
 * @param complete whether the node is complete (latched until the whole trigger completes)
 * @param count matching events, for {@code count} without a window
 * @param sum the running total, for {@code sum} without a window
 * @param observations the remembered matching events, oldest first, for windowed kinds and {@code sequence}
 * @param days the distinct calendar days with a matching event, in order, for {@code days}
 * @param children the states of the sub-triggers of {@code all} and {@code any}
 */
public record NodeState(boolean complete, long count, BigDecimal sum, List<Observation> observations,
                        List<LocalDate> days, List<NodeState> children) {

    public NodeState {
        sum = sum == null ? BigDecimal.ZERO : sum;
        observations = observations == null ? List.of() : List.copyOf(observations);
        days = days == null ? List.of() : List.copyOf(days);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The state of a node that has seen nothing. */
    public static NodeState empty(Trigger trigger) {
        if (trigger instanceof ReferralTrigger referral) {
            return empty(referral.of());
        }
        List<NodeState> children = List.of();
        if (trigger instanceof AllTrigger all) {
            children = all.of().stream().map(NodeState::empty).toList();
        } else if (trigger instanceof AnyTrigger any) {
            children = any.of().stream().map(NodeState::empty).toList();
        }
        return new NodeState(false, 0, BigDecimal.ZERO, List.of(), List.of(), children);
    }
}
