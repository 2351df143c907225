package dev.moments.domain.trigger;

import java.util.Map;
import java.util.Set;

/** What a user must do to complete a moment. */
public sealed interface Trigger permits EventTrigger {

    /** The event types this trigger listens to, so a moment is only evaluated for events that can matter. */
    Set<String> eventTypes();

    /** Every {@code where} expression of the trigger with its field path, e.g. {@code trigger.where}. */
    Map<String, String> expressions();
}
