package dev.moments.domain.points;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a user's points ledger, never changed once written: points earned by a rule for an event (positive,
 * with the rule and the event), or spent (negative, with the reason given).
 */
public record PointEntry(String id, PartnerId partnerId, String userId, long points, PointRuleId ruleId,
                         String eventId, String reason, Instant at) {

    /** The type prefix of every entry's id. */
    public static final String PREFIX = "pte_";
    /** The longest reason accepted for a spend. */
    public static final int MAX_REASON_LENGTH = 500;

    public PointEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        if (points == 0) {
            throw new InvalidValueException("amount", "an entry moves at least one point");
        }
        if (points > 0 && (ruleId == null || eventId == null)) {
            throw new IllegalArgumentException("points earned come from a rule and an event");
        }
    }

    /** Points earned by {@code rule} for the event {@code eventId}. */
    public static PointEntry earned(String id, PointRule rule, String userId, String eventId, long points,
                                    Instant at) {
        return new PointEntry(id, rule.partnerId(), userId, points, rule.id(), eventId, null, at);
    }
}
