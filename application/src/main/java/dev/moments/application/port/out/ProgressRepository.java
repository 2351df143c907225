package dev.moments.application.port.out;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.util.Optional;

/** Keeps each user's progress on each moment, one small row per (moment, user). */
public interface ProgressRepository {

    /**
     * The user's progress, locked until the end of the transaction so that two events of one user are applied one
     * after the other; empty when the user has no progress on the moment yet (the caller then {@link #save}s a new
     * one, and a concurrent first save is refused with {@link ConcurrentWriteException}).
     */
    Optional<UserProgress> lock(MomentId momentId, String userId);

    /** The user's progress without a lock, for reading; scoped by partner. */
    Optional<UserProgress> find(PartnerId partnerId, MomentId momentId, String userId);

    /** Stores a user's first progress on a moment; a second first one is refused with {@link ConcurrentWriteException}. */
    void insert(UserProgress progress);

    /** Replaces the user's progress, locked earlier in the same transaction. */
    void update(UserProgress progress);
}
