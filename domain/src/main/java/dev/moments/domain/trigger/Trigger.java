package dev.moments.domain.trigger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a user must do to complete a moment. Leaves match events ({@link EventTrigger}, {@link CountTrigger},
 * {@link SumTrigger}, {@link DaysTrigger}, {@link SequenceTrigger}); {@link AllTrigger} and {@link AnyTrigger}
 * combine triggers; {@link DirectTrigger} leaves the decision to the partner; {@link ReferralTrigger} pays a referrer
 * when the user they referred completes a trigger. Constructors refuse invalid definitions
 * naming the field relative to the trigger (e.g. {@code atLeast}); callers prefix their own path.
 */
public sealed interface Trigger
        permits EventTrigger, CountTrigger, SumTrigger, DaysTrigger, SequenceTrigger, AllTrigger, AnyTrigger,
        DirectTrigger, ReferralTrigger {

    /** The longest nesting of {@code all}/{@code any} accepted. */
    int MAX_DEPTH = 4;

    /** The most sub-triggers, or sequence steps, one trigger may have. */
    int MAX_PARTS = 20;

    /** The most event conditions (leaves and sequence steps) a whole trigger may hold, however it nests. */
    int MAX_CONDITIONS = 50;

    /** The kind as the API names it: {@code event}, {@code count}, … */
    String kind();

    /** The event types this trigger listens to, so a moment is only evaluated for events that can matter. */
    Set<String> eventTypes();

    /** Every {@code where} expression of the trigger by its field path under {@code path}, e.g. {@code trigger.where}. */
    void collectExpressions(String path, Map<String, String> into);

    /** Every {@code where} expression by its field path, starting at {@code trigger}. */
    default Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        collectExpressions("trigger", expressions);
        return expressions;
    }
}
