package dev.moments.domain.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * When a user's account was created, as the partner tells it in the user attribute {@code createdAt}: an ISO-8601
 * instant ({@code 2026-11-02T08:00:00Z}) or a date ({@code 2026-11-02}, the start of that day in UTC), from the year
 * 1970 to 9999. Anything else leaves the age unknown, which {@code limits.minAccountAge} refuses.
 */
public final class AccountAge {

    /** The user attribute that holds the account's creation. */
    public static final String CREATED_AT = "createdAt";

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private AccountAge() {
    }

    /** The creation the attributes tell, if they tell one the limit can read. */
    public static Optional<Instant> createdAt(Map<String, Object> attributes) {
        if (!(attributes.get(CREATED_AT) instanceof String text) || text.length() > 40) {
            return Optional.empty();
        }
        try {
            Instant created = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
            return created.isBefore(EARLIEST) || created.isAfter(LATEST) ? Optional.empty() : Optional.of(created);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
