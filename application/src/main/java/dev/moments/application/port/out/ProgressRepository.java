package dev.moments.application.port.out;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps each user's progress on each moment, one small row per (moment, user). */
public interface ProgressRepository {

    /**
     * The user's progress, locked until the end of the transaction so that two events of one user are applied one
     * after the other; empty when the user has no progress on the moment yet (the caller then {@link #save}s a new
     * one, and a concurrent first save is refused with {@link ConcurrentWriteException}).
     */
    Optional<UserProgress> lock(MomentId momentId, String userId);

    /**
     * {@link #lock} for several (moment, user) pairs at once, locked in one order (by moment, then user) whoever
     * asks, so two callers never wait for each other in a cycle. Pairs without progress are left out.
     */
    default Map<Key, UserProgress> lockAll(Collection<Key> keys) {
        Map<Key, UserProgress> locked = new HashMap<>();
        keys.stream().distinct().sorted(Comparator.comparing((Key key) -> key.momentId().value())
                        .thenComparing(Key::userId))
                .forEach(key -> lock(key.momentId(), key.userId()).ifPresent(found -> locked.put(key, found)));
        return locked;
    }

    /** A user's progress on a moment is kept under this key. */
    record Key(MomentId momentId, String userId) {
    }

    /** The user's progress without a lock, for reading; scoped by partner. */
    Optional<UserProgress> find(PartnerId partnerId, MomentId momentId, String userId);

    /** Stores a user's first progress on a moment; a second first one is refused with {@link ConcurrentWriteException}. */
    void insert(UserProgress progress);

    /** Replaces the user's progress, locked earlier in the same transaction. */
    void update(UserProgress progress);

    /**
     * Starts every user's progress on the moment again under a new trigger: the state of the trigger's nodes becomes
     * that of a user who has seen nothing, while the rest (completions, the newest event, the floor, the holdout)
     * stays. What users did towards the old trigger does not count towards the new one, whose shape may not even fit.
     */
    void restartAll(MomentId momentId, Trigger trigger);

    /**
     * Logs completions of triggers — paid, held out or refused, each once (a completion refused for the partner's money
     * keeps its progress and is not one) — for the moments' reports. A completion logged before is ignored.
     */
    void recordCompletions(List<Completion> completions);

    /**
     * A user's {@code completion}-th completion of a moment's trigger.
     *
     * @param holdout whether the user is in the control arm (completed, never paid)
     */
    record Completion(PartnerId partnerId, MomentId momentId, String userId, int completion, boolean holdout,
                      Instant occurredAt) {
    }

    /** {@link #insert}s the first progress of some users and {@link #update}s that of others, together. */
    default void saveAll(List<UserProgress> inserts, List<UserProgress> updates) {
        inserts.forEach(this::insert);
        updates.forEach(this::update);
    }
}
