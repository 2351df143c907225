package dev.moments.adapter.persistence;

import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.NodeState;
import dev.moments.domain.trigger.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Keeps each user's progress on each moment in PostgreSQL, one row per (moment, user). {@link #lock} is a
 * {@code select … for update}: a second transaction locking the same row waits until the first one ends, then reads
 * what it committed. The first progress of a user is an insert on the primary key, so of two concurrent first
 * events one is refused with a {@code ConcurrentWriteException} and is retried, finding the other's row to lock.
 */
@ApplicationScoped
@StoreOutages
public class PostgresProgressRepository implements ProgressRepository {

    private static final String COLUMNS =
            "select moment_id, user_id, partner_id, cast(state as text) as state, holdout, last_refusal, updated_at,"
                    + " reached_at, progressed_at, revenue, variant"
                    + " from user_progress";

    @Override
    public Optional<UserProgress> lock(MomentId momentId, String userId) {
        // lock: the user's progress row (docs/architecture.md, lock order)
        return Sql.first(COLUMNS + " where moment_id = ? and user_id = ? for update",
                PostgresProgressRepository::progress, momentId.value(), userId);
    }

    @Override
    public Map<Key, UserProgress> lockAll(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Key> distinct = keys.stream().distinct().toList();
        Map<Key, UserProgress> locked = new HashMap<>();
        // lock: a unit's rows in (moment, user) order, read in bulk (unnest)
        Sql.list("select p.moment_id, p.user_id, p.partner_id, cast(p.state as text) as state, p.holdout,"
                        + " p.last_refusal, p.updated_at, p.reached_at, p.progressed_at, p.revenue, p.variant"
                        + " from user_progress p"
                        + " join unnest(?, ?) as k(moment_id, user_id)"
                        + " on p.moment_id = k.moment_id and p.user_id = k.user_id"
                        + " order by p.moment_id, p.user_id for update of p",
                PostgresProgressRepository::progress,
                distinct.stream().map(key -> key.momentId().value()).toArray(String[]::new),
                distinct.stream().map(Key::userId).toArray(String[]::new))
                .forEach(progress -> locked.put(new Key(progress.momentId(), progress.userId()), progress));
        return locked;
    }

    @Override
    public Optional<UserProgress> find(PartnerId partnerId, MomentId momentId, String userId) {
        // per-event path: a dry run reads each moment's progress instead of locking it
        return Sql.first(COLUMNS + " where moment_id = ? and user_id = ? and partner_id = ?",
                PostgresProgressRepository::progress, momentId.value(), userId, partnerId.value());
    }

    private static final String INSERT = "insert into user_progress (moment_id, user_id, partner_id, state, holdout,"
            + " last_refusal, updated_at, reached_at, progressed_at, revenue, variant)"
            + " values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "update user_progress set state = cast(? as jsonb), holdout = ?,"
            + " last_refusal = cast(? as text), updated_at = ?, reached_at = ?, progressed_at = ?, revenue = ?,"
            + " variant = cast(? as text) where moment_id = ? and user_id = ? and partner_id = ?";

    @Override
    public void insert(UserProgress progress) {
        // batch: saveAll's statement, for one row (the port's single-row method)
        Sql.insert("progress of user " + progress.userId() + " on moment " + progress.momentId(), INSERT,
                insertRow(progress));
    }

    @Override
    public void update(UserProgress progress) {
        // batch: saveAll's statement, for one row (the port's single-row method)
        int changed = Sql.update(UPDATE, updateRow(progress));
        if (changed != 1) {
            throw new NoSuchElementException("user " + progress.userId() + " has no progress on moment "
                    + progress.momentId() + " of partner " + progress.partnerId());
        }
    }

    @Override
    public void saveAll(List<UserProgress> inserts, List<UserProgress> updates) {
        // batch: a unit's new progress rows, one round trip
        Sql.insertAll("progress rows", INSERT, inserts.stream().map(PostgresProgressRepository::insertRow).toList());
        // batch: a unit's changed progress rows, one round trip
        int[] changed = Sql.batch(UPDATE, updates.stream().map(PostgresProgressRepository::updateRow).toList());
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] != 1) {
                UserProgress progress = updates.get(i);
                throw new NoSuchElementException("user " + progress.userId() + " has no progress on moment "
                        + progress.momentId() + " of partner " + progress.partnerId());
            }
        }
    }

    @Override
    public void recordCompletions(List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        // batch: a unit's completions, one round trip (a completion logged before is left as it was)
        Sql.batch("insert into completions (moment_id, user_id, completion, partner_id, holdout, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                completions.stream().map(c -> new Object[] {c.momentId().value(), c.userId(), c.completion(),
                    c.partnerId().value(), c.holdout(), c.occurredAt()}).toList());
    }

    @Override
    public void restartAll(MomentId momentId, Trigger trigger) {
        // one statement replaces the root of every state (its "r"), leaving the rest of each as it was
        // bulk write: every user's row of the moment at once, through a jsonb operator
        Sql.update("update user_progress set state = state || jsonb_build_object('r', cast(? as jsonb))"
                + " where moment_id = ?", ProgressMapper.nodeText(NodeState.empty(trigger)), momentId.value());
    }

    private static Object[] insertRow(UserProgress progress) {
        return new Object[] {progress.momentId().value(), progress.userId(), progress.partnerId().value(),
            ProgressMapper.stateJson(progress.state()), progress.holdout(), progress.lastRefusal(),
            progress.updatedAt(), progress.reachedAt(), progress.progressedAt(), progress.revenue(),
            progress.variant()};
    }

    private static Object[] updateRow(UserProgress progress) {
        return new Object[] {ProgressMapper.stateJson(progress.state()), progress.holdout(), progress.lastRefusal(),
            progress.updatedAt(), progress.reachedAt(), progress.progressedAt(), progress.revenue(),
            progress.variant(), progress.momentId().value(), progress.userId(),
            progress.partnerId().value()};
    }

    private static UserProgress progress(ResultSet row) throws SQLException {
        return new UserProgress(new PartnerId(row.getString("partner_id")), new MomentId(row.getString("moment_id")),
                row.getString("user_id"), ProgressMapper.state(row.getString("state")), row.getBoolean("holdout"),
                row.getString("last_refusal"), Sql.instant(row, "updated_at"), Sql.instant(row, "reached_at"),
                Sql.instant(row, "progressed_at"), row.getBigDecimal("revenue"), row.getString("variant"));
    }
}
