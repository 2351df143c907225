package dev.moments.domain.moment;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a moment counts events, and the time zone its calendar days (daily caps, {@code days} triggers) follow.
 *
 * @param startsAt the first instant that counts
 * @param endsAt the first instant that no longer counts, or {@code null} for no end
 */
public record Schedule(Instant startsAt, Instant endsAt, ZoneId timezone) {

    public Schedule {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(timezone, "timezone");
        requireSaneYear(startsAt, "schedule.startsAt");
        if (endsAt != null) {
            requireSaneYear(endsAt, "schedule.endsAt");
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidValueException("schedule.endsAt", "endsAt must be after startsAt");
        }
    }

    /** The earliest instant any time of Moments may take: events, schedules. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The latest instant a schedule may name. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static void requireSaneYear(Instant instant, String field) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidValueException(field, "must lie between the years 2000 and 9999");
        }
    }

    /** Starting at {@code now}, never ending, in UTC: the default. */
    public static Schedule from(Instant now) {
        return new Schedule(now, null, ZoneId.of("UTC"));
    }

    /** Whether an event that occurred at {@code instant} counts. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(startsAt) && (endsAt == null || instant.isBefore(endsAt));
    }
}
