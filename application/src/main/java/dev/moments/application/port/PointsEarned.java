package dev.moments.application.port;

import dev.moments.domain.points.PointRuleId;
import java.util.Objects;

/**
 * Points one event earned by one rule, with the rule's name as it was then: in the event's answer and in its stored
 * outcome (so that a duplicate answers the same).
 */
public record PointsEarned(PointRuleId ruleId, String name, long points) {

    public PointsEarned {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(name, "name");
    }
}
