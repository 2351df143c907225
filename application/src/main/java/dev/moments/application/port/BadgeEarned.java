package dev.moments.application.port;

import dev.moments.domain.points.BadgeId;
import java.util.Objects;

/** A badge one event earned, with its name as it was then: in the event's answer and in its stored outcome. */
public record BadgeEarned(BadgeId badgeId, String name) {

    public BadgeEarned {
        Objects.requireNonNull(badgeId, "badgeId");
        Objects.requireNonNull(name, "name");
    }
}
