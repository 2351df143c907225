package dev.moments.adapter.persistence;

import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Keeps each user's progress on each moment in PostgreSQL, one row per (moment, user). {@link #lock} is a
 * {@code select … for update}: a second transaction locking the same row waits until the first one ends, then reads
 * what it committed. The first progress of a user is an insert on the primary key, so of two concurrent first
 * events one is refused with a {@code ConcurrentWriteException} and is retried, finding the other's row to lock.
 */
@ApplicationScoped
public class PostgresProgressRepository implements ProgressRepository {

    private static final String COLUMNS =
            "select moment_id, user_id, partner_id, cast(state as text) as state, holdout, last_refusal, updated_at"
                    + " from user_progress";

    @Override
    public Optional<UserProgress> lock(MomentId momentId, String userId) {
        return one(Store.em()
                .createNativeQuery(COLUMNS + " where moment_id = :momentId and user_id = :userId for update",
                        ProgressEntity.class)
                .setParameter("momentId", momentId.value())
                .setParameter("userId", userId)
                .getResultList());
    }

    @Override
    public Optional<UserProgress> find(PartnerId partnerId, MomentId momentId, String userId) {
        return one(Store.em()
                .createNativeQuery(COLUMNS + " where moment_id = :momentId and user_id = :userId"
                        + " and partner_id = :partnerId", ProgressEntity.class)
                .setParameter("momentId", momentId.value())
                .setParameter("userId", userId)
                .setParameter("partnerId", partnerId.value())
                .getResultList());
    }

    @Override
    public void insert(UserProgress progress) {
        Store.insert(ProgressMapper.toEntity(progress),
                "progress of user " + progress.userId() + " on moment " + progress.momentId());
    }

    @Override
    public void update(UserProgress progress) {
        int changed = Store.em()
                .createNativeQuery("update user_progress set state = cast(:state as jsonb), holdout = :holdout,"
                        + " last_refusal = cast(:lastRefusal as text), updated_at = :updatedAt"
                        + " where moment_id = :momentId and user_id = :userId and partner_id = :partnerId")
                .setParameter("state", ProgressMapper.stateJson(progress.state()))
                .setParameter("holdout", progress.holdout())
                .setParameter("lastRefusal", progress.lastRefusal())
                .setParameter("updatedAt", progress.updatedAt())
                .setParameter("momentId", progress.momentId().value())
                .setParameter("userId", progress.userId())
                .setParameter("partnerId", progress.partnerId().value())
                .executeUpdate();
        if (changed != 1) {
            throw new NoSuchElementException("user " + progress.userId() + " has no progress on moment "
                    + progress.momentId() + " of partner " + progress.partnerId());
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<UserProgress> one(List<?> rows) {
        return Store.detached((List<ProgressEntity>) rows).stream().findFirst().map(ProgressMapper::toDomain);
    }
}
