package dev.moments.domain.trigger;

import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Schedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Evaluates a trigger incrementally: each event updates a user's {@link ProgressState} in time proportional to what
 * the state holds, never to the user's history.
 *
 * <p>The rules, which a brute-force evaluation over the whole history must agree with:
 * <ul>
 *   <li>only events inside the moment's schedule count, by {@code occurredAt};</li>
 *   <li>an event older than the newest one evaluated so far by more than {@code lateness} is ignored (and counted
 *       as such); anything newer counts wherever it falls in time;</li>
 *   <li>a completion uses up every event so far: afterwards only events later than the newest one seen count, and
 *       progress starts again from zero — unless the caller keeps it ({@link Outcome#kept()}) because it could not
 *       be paid, in which case the next event that matches the trigger completes it again;</li>
 *   <li>windows are inclusive: events at most {@code within} apart share a window.</li>
 * </ul>
 */
public final class TriggerEvaluator {

    /** How far out of order an event may arrive and still count, unless configured otherwise. */
    public static final Duration DEFAULT_LATENESS = Duration.ofDays(7);

    private final Trigger trigger;
    private final Schedule schedule;
    private final Duration lateness;

    public TriggerEvaluator(Trigger trigger, Schedule schedule, Duration lateness) {
        // a referral's progress is its referee's on the referred trigger: who is paid is decided afterwards
        this.trigger = ReferralTrigger.evaluated(Objects.requireNonNull(trigger, "trigger"));
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.lateness = Objects.requireNonNull(lateness, "lateness");
    }

    /** What happened to one event. */
    public enum Disposition {
        /** Outside the moment's schedule: it does not count. */
        OUTSIDE_SCHEDULE,
        /** Too far out of order: stored, but it does not count. */
        TOO_LATE,
        /** At or before the last completion's newest event: already used up. */
        USED_UP,
        /** Counted (whether or not it matched any part of the trigger). */
        COUNTED
    }

    /**
     * The new state, whether the event completed the trigger, and what became of the event.
     *
     * @param state the progress to store: after a completion, started again from zero (the completion used up)
     * @param kept after a completion, the progress to store instead when the completion is not paid for a reason
     *     outside the user's control (the partner's money): still complete, nothing used up, so the user's next
     *     event that matches the trigger completes it again; otherwise the same as {@code state}
     */
    public record Outcome(ProgressState state, boolean completed, Disposition disposition, ProgressState kept) {

        /** An outcome that is not a completion: nothing to keep but the state. */
        public Outcome(ProgressState state, boolean completed, Disposition disposition) {
            this(state, completed, disposition, state);
        }
    }

    /** Applies one event to a user's progress. */
    public Outcome apply(ProgressState state, UserEvent event, Predicates predicates) {
        Instant at = event.occurredAt();
        if (!schedule.contains(at)) {
            return new Outcome(state, false, Disposition.OUTSIDE_SCHEDULE);
        }
        if (state.newest() != null && at.isBefore(state.newest().minus(lateness))) {
            return new Outcome(new ProgressState(state.newest(), state.floor(), state.root(), state.completions(),
                    state.lateIgnored() + 1), false, Disposition.TOO_LATE);
        }
        Instant newest = state.newest() == null || at.isAfter(state.newest()) ? at : state.newest();
        if (state.floor() != null && !at.isAfter(state.floor())) {
            return new Outcome(new ProgressState(newest, state.floor(), state.root(), state.completions(),
                    state.lateIgnored()), false, Disposition.USED_UP);
        }
        NodeState root;
        if (state.root().complete()) {
            // a completion kept because it could not be paid: the next event that matches the trigger completes again
            if (!matchesAnyCondition(trigger, event, predicates)) {
                return new Outcome(new ProgressState(newest, state.floor(), state.root(), state.completions(),
                        state.lateIgnored()), false, Disposition.COUNTED);
            }
            root = state.root();
        } else {
            root = update(trigger, state.root(), event, newest, predicates);
        }
        if (root.complete()) {
            return new Outcome(new ProgressState(newest, newest, NodeState.empty(trigger), state.completions() + 1,
                    state.lateIgnored()), true, Disposition.COUNTED,
                    new ProgressState(newest, state.floor(), root, state.completions(), state.lateIgnored()));
        }
        return new Outcome(new ProgressState(newest, state.floor(), root, state.completions(), state.lateIgnored()),
                false, Disposition.COUNTED);
    }

    /** Whether any event condition of the trigger (a leaf's, or a sequence step's) matches the event. */
    private static boolean matchesAnyCondition(Trigger node, UserEvent event, Predicates predicates) {
        if (node instanceof AllTrigger all) {
            return all.of().stream().anyMatch(child -> matchesAnyCondition(child, event, predicates));
        }
        if (node instanceof AnyTrigger any) {
            return any.of().stream().anyMatch(child -> matchesAnyCondition(child, event, predicates));
        }
        if (node instanceof SequenceTrigger sequence) {
            return sequence.steps().stream().anyMatch(step -> step.matches(event, predicates));
        }
        if (node instanceof EventTrigger leaf) {
            return leaf.match().matches(event, predicates);
        }
        if (node instanceof CountTrigger count) {
            return count.match().matches(event, predicates);
        }
        if (node instanceof SumTrigger sum) {
            return sum.match().matches(event, predicates);
        }
        if (node instanceof DaysTrigger days) {
            return days.match().matches(event, predicates);
        }
        return false;
    }

    /** How far the user got since the last completion: current against target, in the trigger's own unit. */
    public Progress progress(ProgressState state) {
        return measure(trigger, state.root());
    }

    /** How far along a trigger is; {@code complete} when current reached target. */
    public record Progress(BigDecimal current, BigDecimal target, boolean complete) {
    }

    private NodeState update(Trigger node, NodeState state, UserEvent event, Instant newest, Predicates predicates) {
        if (node instanceof AllTrigger all) {
            List<NodeState> children = updateChildren(all.of(), state, event, newest, predicates);
            return withChildren(state, children, children.stream().allMatch(NodeState::complete));
        }
        if (node instanceof AnyTrigger any) {
            List<NodeState> children = updateChildren(any.of(), state, event, newest, predicates);
            return withChildren(state, children, children.stream().anyMatch(NodeState::complete));
        }
        if (state.complete() || node instanceof DirectTrigger) {
            return state;
        }
        if (node instanceof EventTrigger leaf) {
            return leaf.match().matches(event, predicates) ? completed(state) : state;
        }
        if (node instanceof CountTrigger count) {
            if (!count.match().matches(event, predicates)) {
                return state;
            }
            if (count.within() == null) {
                long seen = state.count() + 1;
                return new NodeState(seen >= count.atLeast(), seen, state.sum(), List.of(), List.of(), List.of());
            }
            List<Observation> kept = remember(state.observations(), new Observation(event.occurredAt(), null, 0),
                    newest.minus(lateness).minus(count.within()));
            return new NodeState(Windowing.mostInWindow(kept, count.within()) >= count.atLeast(), 0, state.sum(), kept,
                    List.of(), List.of());
        }
        if (node instanceof SumTrigger sum) {
            BigDecimal amount = Windowing.amount(event, sum.field());
            if (amount == null || !sum.match().matches(event, predicates)) {
                return state;
            }
            if (sum.within() == null) {
                BigDecimal total = state.sum().add(amount);
                return new NodeState(total.compareTo(sum.atLeast()) >= 0, 0, total, List.of(), List.of(), List.of());
            }
            List<Observation> kept = remember(state.observations(), new Observation(event.occurredAt(), amount, 0),
                    newest.minus(lateness).minus(sum.within()));
            return new NodeState(Windowing.largestSum(kept, sum.within()).compareTo(sum.atLeast()) >= 0, 0,
                    state.sum(), kept, List.of(), List.of());
        }
        if (node instanceof DaysTrigger days) {
            if (!days.match().matches(event, predicates)) {
                return state;
            }
            ZoneId zone = schedule.timezone();
            TreeSet<LocalDate> dates = new TreeSet<>(state.days());
            dates.add(LocalDate.ofInstant(event.occurredAt(), zone));
            long span = days.consecutive() ? days.atLeast() - 1
                    : days.within() != null ? days.windowDays() - 1 : -1;
            if (span >= 0) {
                LocalDate oldestUseful = LocalDate.ofInstant(newest.minus(lateness), zone).minusDays(span);
                dates.headSet(oldestUseful).clear();
            }
            List<LocalDate> kept = List.copyOf(dates);
            return new NodeState(Windowing.bestDays(kept, days) >= days.atLeast(), 0, state.sum(), List.of(), kept,
                    List.of());
        }
        if (node instanceof SequenceTrigger sequence) {
            int steps = 0;
            for (int i = 0; i < sequence.steps().size(); i++) {
                if (sequence.steps().get(i).matches(event, predicates)) {
                    steps |= 1 << i;
                }
            }
            if (steps == 0) {
                return state;
            }
            List<Observation> kept = remember(state.observations(), new Observation(event.occurredAt(), null, steps),
                    newest.minus(lateness).minus(sequence.within()));
            return new NodeState(Windowing.mostSteps(kept, sequence) == sequence.steps().size(), 0, state.sum(), kept,
                    List.of(), List.of());
        }
        throw new IllegalStateException("unknown trigger " + node);
    }

    /**
     * Updates the children's states. A state without a child's (one kept for another trigger: an instance that still
     * evaluated an edited moment's old trigger) counts as that child having seen nothing, rather than failing.
     */
    private List<NodeState> updateChildren(List<Trigger> of, NodeState state, UserEvent event, Instant newest,
                                           Predicates predicates) {
        List<NodeState> children = new ArrayList<>(of.size());
        for (int i = 0; i < of.size(); i++) {
            NodeState child = i < state.children().size() ? state.children().get(i) : NodeState.empty(of.get(i));
            children.add(update(of.get(i), child, event, newest, predicates));
        }
        return children;
    }

    private static NodeState withChildren(NodeState state, List<NodeState> children, boolean complete) {
        return new NodeState(complete, state.count(), state.sum(), List.of(), List.of(), children);
    }

    private static NodeState completed(NodeState state) {
        return new NodeState(true, state.count(), state.sum(), state.observations(), state.days(), state.children());
    }

    /** Adds an observation in time order and forgets those older than {@code oldestUseful}. */
    private static List<Observation> remember(List<Observation> observations, Observation added, Instant oldestUseful) {
        List<Observation> kept = new ArrayList<>(observations.size() + 1);
        boolean placed = false;
        for (Observation observation : observations) {
            if (!placed && added.at().isBefore(observation.at())) {
                kept.add(added);
                placed = true;
            }
            kept.add(observation);
        }
        if (!placed) {
            kept.add(added);
        }
        kept.removeIf(observation -> observation.at().isBefore(oldestUseful));
        return kept;
    }

    private Progress measure(Trigger node, NodeState state) {
        if (node instanceof AllTrigger all) {
            long done = state.children().stream().filter(NodeState::complete).count();
            return progress(done, all.of().size());
        }
        if (node instanceof AnyTrigger) {
            return progress(state.complete() || state.children().stream().anyMatch(NodeState::complete) ? 1 : 0, 1);
        }
        if (node instanceof CountTrigger count) {
            long current = count.within() == null ? state.count()
                    : Windowing.mostInWindow(state.observations(), count.within());
            return progress(current, count.atLeast());
        }
        if (node instanceof SumTrigger sum) {
            BigDecimal current = sum.within() == null ? state.sum()
                    : Windowing.largestSum(state.observations(), sum.within());
            return new Progress(current.min(sum.atLeast()), sum.atLeast(), current.compareTo(sum.atLeast()) >= 0);
        }
        if (node instanceof DaysTrigger days) {
            return progress(Windowing.bestDays(state.days(), days), days.atLeast());
        }
        if (node instanceof SequenceTrigger sequence) {
            return progress(Windowing.mostSteps(state.observations(), sequence), sequence.steps().size());
        }
        return progress(state.complete() ? 1 : 0, 1);
    }

    private static Progress progress(long current, long target) {
        long capped = Math.min(current, target);
        return new Progress(BigDecimal.valueOf(capped), BigDecimal.valueOf(target), capped >= target);
    }

}
