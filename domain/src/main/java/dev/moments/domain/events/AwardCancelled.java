package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import java.time.Instant;
import java.util.Objects;

/** The partner cancelled an unclaimed award: its link stopped working and its reservation was released. */
public record AwardCancelled(Award award, Instant at) implements AwardEvent {

    public AwardCancelled {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "award.cancelled";
    }
}
