package dev.moments.application.port.out;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.Badge;
import dev.moments.domain.points.BadgeId;
import dev.moments.domain.trigger.ProgressState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps the partners' badges and each user's progress towards them, one small row per (badge, user). */
public interface BadgeStore {

    /**
     * Stores a badge unless its partner keeps {@code max} already, counted under a lock of the partner's badges.
     *
     * @return whether it was stored
     */
    boolean insert(Badge badge, int max);

    /** The partner's badges, oldest first. */
    List<Badge> badges(PartnerId partnerId);

    Optional<Badge> find(PartnerId partnerId, BadgeId id);

    /** A user's progress on a badge, and when and by which event it was earned. */
    record Progress(BadgeId badgeId, PartnerId partnerId, String userId, ProgressState state, Instant earnedAt,
                    String eventId) {

        public boolean earned() {
            return earnedAt != null;
        }
    }

    /** A user's progress on a badge is kept under this key. */
    record Key(BadgeId badgeId, String userId) {
    }

    /**
     * The progress of several (badge, user) pairs, locked until the end of the transaction in one order (badge, then
     * user) whoever asks; pairs without progress are left out.
     */
    Map<Key, Progress> lockAll(Collection<Key> keys);

    /** The progress of one pair, without a lock (a dry run). */
    Optional<Progress> find(PartnerId partnerId, BadgeId badgeId, String userId);

    /**
     * Writes the first progress of some pairs and replaces that of others (locked earlier in the transaction); a
     * first progress written meanwhile by another transaction is refused with
     * {@link dev.moments.application.port.ConcurrentWriteException}, and the unit is run again.
     */
    void saveAll(List<Progress> inserts, List<Progress> updates);

    /** The badges the user has earned, newest first, with when. */
    List<Progress> earned(PartnerId partnerId, String userId);
}
