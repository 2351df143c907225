package dev.moments.domain.trigger;

import dev.moments.domain.event.UserEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The window arithmetic of windowed triggers, over observations sorted by time. */
final class Windowing {

    private Windowing() {
    }

    /** The most observations inside one window of length {@code within} (first and last at most that apart). */
    static long mostInWindow(List<Observation> sorted, Duration within) {
        long best = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            Instant limit = sorted.get(end).at().minus(within);
            while (sorted.get(start).at().isBefore(limit)) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /** The largest sum of amounts inside one window of length {@code within}. */
    static BigDecimal largestSum(List<Observation> sorted, Duration within) {
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal running = BigDecimal.ZERO;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            running = running.add(sorted.get(end).amount());
            Instant limit = sorted.get(end).at().minus(within);
            while (sorted.get(start).at().isBefore(limit)) {
                running = running.subtract(sorted.get(start).amount());
                start++;
            }
            best = best.max(running);
        }
        return best;
    }

    /** The most distinct days that satisfy a days trigger's shape: a run, a window of days, or any days. */
    static long bestDays(List<LocalDate> sortedDays, DaysTrigger trigger) {
        if (sortedDays.isEmpty()) {
            return 0;
        }
        if (trigger.consecutive()) {
            long best = 1;
            long run = 1;
            for (int i = 1; i < sortedDays.size(); i++) {
                run = ChronoUnit.DAYS.between(sortedDays.get(i - 1), sortedDays.get(i)) == 1 ? run + 1 : 1;
                best = Math.max(best, run);
            }
            return best;
        }
        if (trigger.within() == null) {
            return sortedDays.size();
        }
        long span = trigger.windowDays() - 1;
        long best = 0;
        int start = 0;
        for (int end = 0; end < sortedDays.size(); end++) {
            while (ChronoUnit.DAYS.between(sortedDays.get(start), sortedDays.get(end)) > span) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /**
     * The most steps of a sequence done in order (strictly increasing times) within its window, over every possible
     * start: for a fixed start, taking each next step at its earliest possible event is optimal.
     */
    static int mostSteps(List<Observation> sorted, SequenceTrigger sequence) {
        int steps = sequence.steps().size();
        int best = 0;
        for (int first = 0; first < sorted.size() && best < steps; first++) {
            Observation start = sorted.get(first);
            if ((start.steps() & 1) == 0) {
                continue;
            }
            Instant deadline = start.at().plus(sequence.within());
            int done = 1;
            Instant previous = start.at();
            for (int i = first + 1; i < sorted.size() && done < steps; i++) {
                Observation next = sorted.get(i);
                if (next.at().isAfter(deadline)) {
                    break;
                }
                if (next.at().isAfter(previous) && (next.steps() & (1 << done)) != 0) {
                    done++;
                    previous = next.at();
                }
            }
            best = Math.max(best, done);
        }
        return best;
    }

    /** The positive numeric value of a property, or {@code null} when it is missing, not a number or not positive. */
    static BigDecimal amount(UserEvent event, String field) {
        Object value = event.properties().get(field);
        if (value instanceof BigDecimal number && number.signum() > 0) {
            return number;
        }
        return null;
    }
}
