package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import java.time.Instant;
import java.util.Objects;

/**
 * A user earned an award: a completion was paid for (or, in TEST, granted for free).
 *
 * @param notifyByEmail whether the user may be e-mailed about it (the event that completed it did not say
 *                      {@code "notify": { "email": false }})
 */
public record AwardEarned(Award award, Instant at, boolean notifyByEmail) implements AwardEvent {

    public AwardEarned {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(at, "at");
    }

    /** An award the user may be e-mailed about. */
    public AwardEarned(Award award, Instant at) {
        this(award, at, true);
    }

    @Override
    public String type() {
        return "award.earned";
    }
}
