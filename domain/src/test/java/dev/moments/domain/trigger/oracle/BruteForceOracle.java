package dev.moments.domain.trigger.oracle;

import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.Predicates;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.SequenceTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately naive reference for {@code TriggerEvaluator}: it keeps every accepted event since the last
 * completion and, after each one, decides from scratch whether the trigger's condition holds over all of them.
 * It shares no code with the evaluator (no {@code Windowing}, no {@code ProgressState}); slow on purpose, it is meant
 * for tests only — every condition is a plain search over the events, quadratic or worse.
 *
 * <p>The rules it simulates, over the arrivals in order:
 * <ol>
 *   <li>an arrival outside {@code schedule.contains(occurredAt)} is skipped entirely;</li>
 *   <li>one strictly before {@code newest − lateness} (newest as it was before it) is too late, and ignored;</li>
 *   <li>otherwise {@code newest} becomes the max; after a completion, one at or before {@code floor} is used up;</li>
 *   <li>otherwise it is accepted; when the condition then holds over the accepted events, the trigger completes, the
 *       accepted events are forgotten and {@code floor} becomes {@code newest}.</li>
 * </ol>
 * Every arrival is its own event, even one equal to an earlier arrival: the specification does not say whether the
 * very same event (same id) arriving twice counts twice; the application deduplicates by id before evaluation.
 */
public final class BruteForceOracle {

    /** What the oracle made of one arrival. */
    public enum Verdict {
        OUTSIDE_SCHEDULE,
        TOO_LATE,
        USED_UP,
        ACCEPTED,
        COMPLETED
    }

    private BruteForceOracle() {
    }

    /** The indices, in arrival order, of the arrivals at which the trigger completed. */
    public static List<Integer> completions(Trigger trigger, Schedule schedule, Duration lateness,
                                            Predicates predicates, List<UserEvent> arrivals) {
        List<Verdict> verdicts = verdicts(trigger, schedule, lateness, predicates, arrivals);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) == Verdict.COMPLETED) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** What became of each arrival, in arrival order. */
    public static List<Verdict> verdicts(Trigger trigger, Schedule schedule, Duration lateness,
                                         Predicates predicates, List<UserEvent> arrivals) {
        List<Verdict> verdicts = new ArrayList<>();
        List<UserEvent> accepted = new ArrayList<>();
        Instant newest = null;
        Instant floor = null;
        for (UserEvent arrival : arrivals) {
            Instant at = arrival.occurredAt();
            if (!schedule.contains(at)) {
                verdicts.add(Verdict.OUTSIDE_SCHEDULE);
                continue;
            }
            if (newest != null && at.isBefore(newest.minus(lateness))) {
                verdicts.add(Verdict.TOO_LATE);
                continue;
            }
            if (newest == null || at.isAfter(newest)) {
                newest = at;
            }
            if (floor != null && !at.isAfter(floor)) {
                verdicts.add(Verdict.USED_UP);
                continue;
            }
            accepted.add(arrival);
            if (holds(trigger, accepted, schedule.timezone(), predicates)) {
                verdicts.add(Verdict.COMPLETED);
                accepted.clear();
                floor = newest;
            } else {
                verdicts.add(Verdict.ACCEPTED);
            }
        }
        return verdicts;
    }

    /** Whether the trigger's condition holds over this set of events, in whatever order they are given. */
    public static boolean holds(Trigger trigger, List<UserEvent> events, ZoneId zone, Predicates predicates) {
        if (trigger instanceof DirectTrigger) {
            return false;
        }
        if (trigger instanceof ReferralTrigger referral) {
            return holds(referral.of(), events, zone, predicates); // the referee's own events complete it
        }
        if (trigger instanceof AllTrigger all) {
            for (Trigger child : all.of()) {
                if (!holds(child, events, zone, predicates)) {
                    return false;
                }
            }
            return true;
        }
        if (trigger instanceof AnyTrigger any) {
            for (Trigger child : any.of()) {
                if (holds(child, events, zone, predicates)) {
                    return true;
                }
            }
            return false;
        }
        if (trigger instanceof EventTrigger event) {
            return !matching(events, event.match(), predicates).isEmpty();
        }
        if (trigger instanceof CountTrigger count) {
            return countHolds(count, matching(events, count.match(), predicates));
        }
        if (trigger instanceof SumTrigger sum) {
            return sumHolds(sum, matching(events, sum.match(), predicates));
        }
        if (trigger instanceof DaysTrigger days) {
            return daysHold(days, matching(events, days.match(), predicates), zone);
        }
        if (trigger instanceof SequenceTrigger sequence) {
            return sequenceHolds(sequence, events, predicates);
        }
        throw new IllegalArgumentException("unknown trigger " + trigger);
    }

    private static boolean matches(UserEvent event, Match match, Predicates predicates) {
        return event.type().equals(match.event()) && predicates.of(match.where()).test(event);
    }

    private static List<UserEvent> matching(List<UserEvent> events, Match match, Predicates predicates) {
        List<UserEvent> found = new ArrayList<>();
        for (UserEvent event : events) {
            if (matches(event, match, predicates)) {
                found.add(event);
            }
        }
        return found;
    }

    /** Whether {@code at} lies in the closed interval [from, from + within]. */
    private static boolean inWindow(Instant at, Instant from, Duration within) {
        return !at.isBefore(from) && !at.isAfter(from.plus(within));
    }

    private static boolean countHolds(CountTrigger count, List<UserEvent> matching) {
        if (count.within() == null) {
            return matching.size() >= count.atLeast();
        }
        // Some window [s, s + within] holds atLeast events; it may as well start at one of them.
        for (UserEvent first : matching) {
            long inside = 0;
            for (UserEvent other : matching) {
                if (inWindow(other.occurredAt(), first.occurredAt(), count.within())) {
                    inside++;
                }
            }
            if (inside >= count.atLeast()) {
                return true;
            }
        }
        return false;
    }

    /** The property summed by a sum trigger, or {@code null} when the event contributes nothing. */
    private static BigDecimal amount(UserEvent event, String field) {
        Object value = event.properties().get(field);
        if (value instanceof BigDecimal number && number.compareTo(BigDecimal.ZERO) > 0) {
            return number;
        }
        return null;
    }

    private static boolean sumHolds(SumTrigger sum, List<UserEvent> matching) {
        List<UserEvent> counted = new ArrayList<>();
        for (UserEvent event : matching) {
            if (amount(event, sum.field()) != null) {
                counted.add(event);
            }
        }
        if (sum.within() == null) {
            BigDecimal total = BigDecimal.ZERO;
            for (UserEvent event : counted) {
                total = total.add(amount(event, sum.field()));
            }
            return total.compareTo(sum.atLeast()) >= 0;
        }
        // Amounts are positive, so the best set inside a window is the whole window; try every earliest member.
        for (UserEvent first : counted) {
            BigDecimal total = BigDecimal.ZERO;
            for (UserEvent other : counted) {
                if (inWindow(other.occurredAt(), first.occurredAt(), sum.within())) {
                    total = total.add(amount(other, sum.field()));
                }
            }
            if (total.compareTo(sum.atLeast()) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean daysHold(DaysTrigger days, List<UserEvent> matching, ZoneId zone) {
        Set<LocalDate> dates = new HashSet<>();
        for (UserEvent event : matching) {
            dates.add(LocalDate.ofInstant(event.occurredAt(), zone));
        }
        if (days.consecutive()) {
            for (LocalDate first : dates) {
                boolean all = true;
                for (long i = 0; i < days.atLeast(); i++) {
                    if (!dates.contains(first.plusDays(i))) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }
        if (days.within() != null) {
            long span = days.within().toDays() - 1;
            for (LocalDate first : dates) {
                long inside = 0;
                for (LocalDate other : dates) {
                    long apart = ChronoUnit.DAYS.between(first, other);
                    if (apart >= 0 && apart <= span) {
                        inside++;
                    }
                }
                if (inside >= days.atLeast()) {
                    return true;
                }
            }
            return false;
        }
        return dates.size() >= days.atLeast();
    }

    private static boolean sequenceHolds(SequenceTrigger sequence, List<UserEvent> events, Predicates predicates) {
        List<Match> steps = sequence.steps();
        for (UserEvent first : events) {
            if (!matches(first, steps.get(0), predicates)) {
                continue;
            }
            Instant deadline = first.occurredAt().plus(sequence.within());
            boolean[][] dead = new boolean[events.size()][steps.size()];
            if (extend(steps, 1, first.occurredAt(), deadline, events, predicates, dead)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether steps {@code step..} can be taken by events strictly after {@code previous} and not after
     * {@code deadline}, trying every candidate event. Strictly increasing times keep the chosen events distinct.
     * {@code dead[i][j]} remembers that event i cannot be step j with the rest following (for one first event), which
     * only spares repeating a failed search.
     */
    private static boolean extend(List<Match> steps, int step, Instant previous, Instant deadline,
                                  List<UserEvent> events, Predicates predicates, boolean[][] dead) {
        if (step == steps.size()) {
            return true;
        }
        for (int i = 0; i < events.size(); i++) {
            UserEvent candidate = events.get(i);
            Instant at = candidate.occurredAt();
            if (dead[i][step] || !at.isAfter(previous) || at.isAfter(deadline)
                    || !matches(candidate, steps.get(step), predicates)) {
                continue;
            }
            if (extend(steps, step + 1, at, deadline, events, predicates, dead)) {
                return true;
            }
            dead[i][step] = true;
        }
        return false;
    }
}
