package dev.moments.domain.trigger;

import dev.moments.domain.shared.Text;
import dev.moments.domain.event.UserEvent;
import java.util.Map;

/**
 * The part every leaf shares: an event type and an optional {@code where} condition over the event and the user.
 */
public record Match(String event, String where) {

    /** The longest event type accepted. */
    public static final int MAX_EVENT_TYPE_LENGTH = 200;

    public Match {
        Text.id("event", event, MAX_EVENT_TYPE_LENGTH);
        if (where != null && where.isBlank()) {
            where = null;
        }
    }

    /** Whether the event is of this type and satisfies the compiled condition. */
    public boolean matches(UserEvent candidate, Predicates predicates) {
        return event.equals(candidate.type()) && predicates.of(where).test(candidate);
    }

    void collect(String path, Map<String, String> into) {
        if (where != null) {
            into.put(path + ".where", where);
        }
    }
}
