package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import java.time.Instant;
import java.util.Objects;

/** A user earned an award: a completion was paid for (or, in TEST, granted for free). */
public record AwardEarned(Award award, Instant at) implements AwardEvent {

    public AwardEarned {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "award.earned";
    }
}
