package dev.moments.domain.moment;

import dev.moments.domain.event.UserEvent;
import dev.moments.domain.shared.Countries;
import dev.moments.domain.shared.Text;
import java.util.Collection;
import java.util.Set;

/**
 * Who may earn a moment. Every non-empty filter must admit the user: the event's country and platform, one of
 * the user's {@code segments} attribute, and the compiled {@code where} condition over the user's attributes.
 *
 * @param where a condition over {@code user}, or {@code null}; compiled by the application, not here
 */
public record Audience(Set<String> countries, Set<String> platforms, Set<String> segments, String where) {

    /** Everyone. */
    public static final Audience EVERYONE = new Audience(Set.of(), Set.of(), Set.of(), null);

    /** The most platforms an audience may list. */
    public static final int MAX_PLATFORMS = 20;
    /** The longest platform name accepted, here and in an event's context. */
    public static final int MAX_PLATFORM_LENGTH = 32;
    /** The most segments an audience may list. */
    public static final int MAX_SEGMENTS = 100;
    /** The longest segment name accepted. */
    public static final int MAX_SEGMENT_LENGTH = 100;

    public Audience {
        countries = Countries.codes("audience.countries", countries);
        platforms = Text.labels("audience.platforms", platforms, MAX_PLATFORMS, MAX_PLATFORM_LENGTH);
        segments = Text.labels("audience.segments", segments, MAX_SEGMENTS, MAX_SEGMENT_LENGTH);
        if (where != null && where.isBlank()) {
            where = null;
        }
    }

    /** Whether the event's context and user attributes pass the country, platform and segment filters. */
    public boolean admitsContextOf(UserEvent event) {
        if (!passes(countries, event.context().country()) || !passes(platforms, event.context().platform())) {
            return false;
        }
        if (segments.isEmpty()) {
            return true;
        }
        Object userSegments = event.userAttributes().get("segments");
        return userSegments instanceof Collection<?> list
                && list.stream().anyMatch(segment -> segment != null && segments.contains(segment));
    }

    /** An empty filter passes everything; otherwise the value must be given and listed. */
    private static boolean passes(Set<String> filter, String value) {
        return filter.isEmpty() || (value != null && filter.contains(value));
    }
}
