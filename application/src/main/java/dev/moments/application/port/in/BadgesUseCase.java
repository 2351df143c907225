package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.Badge;
import dev.moments.domain.points.BadgeId;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.util.List;

/** Badges: earned once per user when their events complete a trigger. No money moves. */
public interface BadgesUseCase {

    /**
     * Adds a badge; events recorded from then on count towards it.
     *
     * @throws dev.moments.domain.shared.InvalidValueException when a field is malformed, an expression does not
     *                                                         compile, or the partner has the most badges already
     */
    Badge create(PartnerId partnerId, String name, String imageUrl, Trigger trigger);

    List<Badge> badges(PartnerId partnerId);

    /** @throws NotFoundException when the partner has no such badge */
    Badge badge(PartnerId partnerId, BadgeId id);

    /** The badges the user earned, newest first. */
    List<Earned> earned(PartnerId partnerId, String userId);

    /** A badge a user earned: when, and by which event. */
    record Earned(Badge badge, Instant earnedAt, String eventId) {
    }
}
