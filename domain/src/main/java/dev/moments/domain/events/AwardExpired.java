package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import java.time.Instant;
import java.util.Objects;

/** An award was not claimed within {@code claimWithin}: its link stopped working and its reservation was released. */
public record AwardExpired(Award award, Instant at) implements AwardEvent {

    public AwardExpired {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "award.expired";
    }
}
