package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/** A user earned an award: a completion was paid for (or, in TEST, granted for free). */
public record AwardEarned(Award award, Instant at) implements DomainEvent {

    public AwardEarned {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public PartnerId partnerId() {
        return award.partnerId();
    }

    @Override
    public String type() {
        return "award.earned";
    }
}
