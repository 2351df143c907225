package dev.moments.domain.webhook;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The event types an endpoint can subscribe to, as the contract names them, and {@code "*"} for all of them. */
public final class WebhookEventTypes {

    /** Every event type of the contract. */
    public static final List<String> TYPES = List.of("award.earned", "award.claimed", "award.expired",
            "award.cancelled", "fulfillment.updated", "budget.low", "budget.exhausted", "moment.status_changed",
            "codes.low");

    /** Subscribes to every type, those added later included. */
    public static final String ALL = "*";

    private WebhookEventTypes() {
    }

    /**
     * The subscription as a set: at least one entry, each a type of the contract or {@code "*"}; entries given twice
     * count once. A refused entry is named with its index, e.g. {@code events[2]}.
     */
    public static Set<String> of(String field, Collection<String> types) {
        if (types == null || types.isEmpty()) {
            throw new InvalidValueException(field, field + " must name at least one event type, or \"*\" for all");
        }
        if (types.size() > 2 * (TYPES.size() + 1)) {
            throw new InvalidValueException(field, "at most " + 2 * (TYPES.size() + 1) + " entries, got "
                    + types.size());
        }
        Set<String> set = new TreeSet<>();
        int index = 0;
        for (String type : types) {
            String entry = field + "[" + index++ + "]";
            if (type == null || !(type.equals(ALL) || TYPES.contains(type))) {
                throw new InvalidValueException(entry, "unknown event type " + (type == null ? "null"
                        : "\"" + (type.length() > 60 ? type.substring(0, 60) + "…" : type) + "\"")
                        + "; expected \"*\" or one of " + TYPES);
            }
            set.add(type);
        }
        return Set.copyOf(set);
    }

    /** Whether a subscription takes events of {@code type}. */
    public static boolean matches(Set<String> subscribed, String type) {
        return subscribed.contains(ALL) || subscribed.contains(type);
    }
}
