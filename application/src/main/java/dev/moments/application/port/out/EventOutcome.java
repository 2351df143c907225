package dev.moments.application.port.out;

import dev.moments.application.port.BadgeEarned;
import dev.moments.application.port.PointsEarned;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one event led to: the awards it earned, the progress it made, the moments that held the user out and the points
 * it earned, the badges it earned.
 */
public record EventOutcome(List<AwardId> awards, List<Progress> progress, List<MomentId> holdout,
                           List<PointsEarned> points, List<BadgeEarned> badges) {

    public EventOutcome {
        awards = List.copyOf(awards);
        progress = List.copyOf(progress);
        holdout = List.copyOf(holdout);
        points = List.copyOf(points);
        badges = List.copyOf(badges);
    }

    /** An outcome that earned no points and no badges. */
    public EventOutcome(List<AwardId> awards, List<Progress> progress, List<MomentId> holdout) {
        this(awards, progress, holdout, List.of(), List.of());
    }

    /** How far the user got on one moment with this event. */
    public record Progress(MomentId momentId, boolean complete, BigDecimal current, BigDecimal target) {
    }
}
