package dev.moments.domain.points;

import dev.moments.domain.moment.Schedule;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import dev.moments.domain.shared.WebAddress;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A badge a user earns once, when their events complete its trigger (any kind a moment takes, except {@code direct}
 * and {@code referral}: a badge is earned by its user's events alone). No money moves; it is for everyday engagement
 * beside the moments.
 *
 * @param imageUrl an absolute http(s) address of its picture, or {@code null}
 */
public record Badge(BadgeId id, PartnerId partnerId, String name, String imageUrl, Trigger trigger,
                    Instant createdAt) {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The most badges a partner may keep. */
    public static final int MAX_BADGES_PER_PARTNER = 100;
    /** A badge counts every event, whenever it happened: its triggers' windows are its only time limits. */
    public static final Schedule ALWAYS = new Schedule(Schedule.EARLIEST, null, ZoneOffset.UTC);

    public Badge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Text.name("name", name, MAX_NAME_LENGTH);
        imageUrl = WebAddress.optional("imageUrl", imageUrl);
        if (trigger == null) {
            throw new InvalidValueException("trigger", "trigger is required");
        }
        if (trigger instanceof DirectTrigger || trigger.eventTypes().isEmpty()) {
            throw new InvalidValueException("trigger.kind", "a badge is earned by events: direct is not a badge's"
                    + " trigger");
        }
        if (trigger instanceof ReferralTrigger) {
            throw new InvalidValueException("trigger.kind", "a badge is earned by its user's own events: referral"
                    + " is a moment's trigger");
        }
    }
}
