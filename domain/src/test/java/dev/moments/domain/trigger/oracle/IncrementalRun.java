package dev.moments.domain.trigger.oracle;

import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.trigger.Predicates;
import dev.moments.domain.trigger.ProgressState;
import dev.moments.domain.trigger.Trigger;
import dev.moments.domain.trigger.TriggerEvaluator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Folds {@link TriggerEvaluator#apply} over arrivals, starting from {@link ProgressState#start}, for tests. */
public final class IncrementalRun {

    private IncrementalRun() {
    }

    /** The indices, in arrival order, of the arrivals at which the evaluator reported a completion. */
    public static List<Integer> completions(Trigger trigger, Schedule schedule, Duration lateness,
                                            Predicates predicates, List<UserEvent> arrivals) {
        List<TriggerEvaluator.Outcome> outcomes = outcomes(trigger, schedule, lateness, predicates, arrivals);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).completed()) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** The outcome of each arrival, in arrival order. */
    public static List<TriggerEvaluator.Outcome> outcomes(Trigger trigger, Schedule schedule, Duration lateness,
                                                          Predicates predicates, List<UserEvent> arrivals) {
        TriggerEvaluator evaluator = new TriggerEvaluator(trigger, schedule, lateness);
        ProgressState state = ProgressState.start(trigger);
        List<TriggerEvaluator.Outcome> outcomes = new ArrayList<>(arrivals.size());
        for (UserEvent arrival : arrivals) {
            TriggerEvaluator.Outcome outcome = evaluator.apply(state, arrival, predicates);
            outcomes.add(outcome);
            state = outcome.state();
        }
        return outcomes;
    }

    /** The state after every arrival. */
    public static ProgressState finalState(Trigger trigger, Schedule schedule, Duration lateness,
                                           Predicates predicates, List<UserEvent> arrivals) {
        ProgressState state = ProgressState.start(trigger);
        for (TriggerEvaluator.Outcome outcome : outcomes(trigger, schedule, lateness, predicates, arrivals)) {
            state = outcome.state();
        }
        return state;
    }
}
