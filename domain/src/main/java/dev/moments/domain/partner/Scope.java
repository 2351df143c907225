package dev.moments.domain.partner;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. A partner's first key may do everything; a key issued later, what the operator chose. */
public enum Scope {

    /** Send events and spend users' points: what a partner's backend does all day. */
    EVENTS_WRITE("events:write"),
    /** Change the configuration: moments, rewards, webhooks, point rules, badges, branding, the blocklist. */
    MOMENTS_WRITE("moments:write"),
    /** Read: moments, awards, reports, statements, users' progress, the review queue, the audit log. */
    REPORTS_READ("reports:read"),
    /** Decide on awards: direct awards, cancellations, reviews, fulfilment reports, a blocked one's awards. */
    AWARDS_WRITE("awards:write");

    /** Every scope: a partner's first key, and a key issued without naming any. */
    public static final Set<Scope> ALL = Collections.unmodifiableSet(EnumSet.allOf(Scope.class));

    private final String apiName;

    Scope(String apiName) {
        this.apiName = apiName;
    }

    /** The scope as the API names it, e.g. {@code events:write}. */
    public String apiName() {
        return apiName;
    }

    /** The scope the API names so, or a refusal on {@code field}. */
    public static Scope fromApi(String field, String name) {
        return Arrays.stream(values()).filter(scope -> scope.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, "a scope is one of " + Arrays.stream(values())
                        .map(Scope::apiName).collect(Collectors.joining(", "))));
    }
}
