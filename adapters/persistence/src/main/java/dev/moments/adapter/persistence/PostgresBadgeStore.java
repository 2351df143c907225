package dev.moments.adapter.persistence;

import dev.moments.application.port.out.BadgeStore;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.Badge;
import dev.moments.domain.points.BadgeId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps badges and the users' progress towards them in PostgreSQL, in plain SQL. */
@ApplicationScoped
@StoreOutages
public class PostgresBadgeStore implements BadgeStore {

    private static final String BADGE = "select id, partner_id, name, image_url, cast(trigger as text) as trigger,"
            + " created_at from badges";
    private static final String PROGRESS = "select badge_id, user_id, partner_id, cast(state as text) as state,"
            + " earned_at, event_id from badge_progress";

    @Override
    public boolean insert(Badge badge, int max) {
        if (!Sql.fewerThanUnderLock("badges", badge.partnerId().value(), max)) {
            return false;
        }
        Sql.insert("badge " + badge.id(), "insert into badges (id, partner_id, name, image_url, trigger, created_at)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), ?)", badge.id().value(), badge.partnerId().value(),
                badge.name(), badge.imageUrl(), Json.write(MomentMapper.triggerJson(badge.trigger())),
                badge.createdAt());
        return true;
    }

    @Override
    public List<Badge> badges(PartnerId partnerId) {
        return Sql.list(BADGE + " where partner_id = ? order by created_at, id", PostgresBadgeStore::badge,
                partnerId.value());
    }

    @Override
    public Optional<Badge> find(PartnerId partnerId, BadgeId id) {
        return Sql.first(BADGE + " where partner_id = ? and id = ?", PostgresBadgeStore::badge, partnerId.value(),
                id.value());
    }

    @Override
    public Map<Key, Progress> lockAll(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Key> distinct = keys.stream().distinct().toList();
        Map<Key, Progress> locked = new HashMap<>();
        // lock: a unit's rows in (badge, user) order, read in bulk (unnest)
        Sql.list("select p.badge_id, p.user_id, p.partner_id, cast(p.state as text) as state, p.earned_at,"
                        + " p.event_id from badge_progress p join unnest(?, ?) as k(badge_id, user_id)"
                        + " on p.badge_id = k.badge_id and p.user_id = k.user_id"
                        + " order by p.badge_id, p.user_id for update of p", PostgresBadgeStore::progress,
                distinct.stream().map(key -> key.badgeId().value()).toArray(String[]::new),
                distinct.stream().map(Key::userId).toArray(String[]::new))
                .forEach(progress -> locked.put(new Key(progress.badgeId(), progress.userId()), progress));
        return locked;
    }

    @Override
    public Optional<Progress> find(PartnerId partnerId, BadgeId badgeId, String userId) {
        return Sql.first(PROGRESS + " where badge_id = ? and user_id = ? and partner_id = ?",
                PostgresBadgeStore::progress, badgeId.value(), userId, partnerId.value());
    }

    @Override
    public void saveAll(List<Progress> inserts, List<Progress> updates) {
        if (!inserts.isEmpty()) {
            // batch: first progress; a row written meanwhile by another unit refuses the insert (and the unit runs
            // again, locking it)
            Sql.insertAll("badge progress", "insert into badge_progress (badge_id, user_id, partner_id, state,"
                            + " earned_at, event_id) values (?, ?, ?, cast(? as jsonb), ?, ?)",
                    inserts.stream().map(progress -> new Object[] {progress.badgeId().value(), progress.userId(),
                            progress.partnerId().value(), ProgressMapper.stateJson(progress.state()),
                            progress.earnedAt(), progress.eventId()}).toList());
        }
        if (!updates.isEmpty()) {
            // batch: progress locked by this unit
            Sql.batch("update badge_progress set state = cast(? as jsonb), earned_at = ?, event_id = ?"
                            + " where badge_id = ? and user_id = ?",
                    updates.stream().map(progress -> new Object[] {ProgressMapper.stateJson(progress.state()),
                            progress.earnedAt(), progress.eventId(), progress.badgeId().value(), progress.userId()})
                            .toList());
        }
    }

    @Override
    public List<Progress> earned(PartnerId partnerId, String userId) {
        return Sql.list(PROGRESS + " where partner_id = ? and user_id = ? and earned_at is not null"
                + " order by earned_at desc, badge_id", PostgresBadgeStore::progress, partnerId.value(), userId);
    }

    private static Badge badge(ResultSet row) throws SQLException {
        return new Badge(new BadgeId(row.getString("id")), new PartnerId(row.getString("partner_id")),
                row.getString("name"), row.getString("image_url"),
                MomentMapper.trigger(Json.read(row.getString("trigger"))), Sql.instant(row, "created_at"));
    }

    private static Progress progress(ResultSet row) throws SQLException {
        return new Progress(new BadgeId(row.getString("badge_id")), new PartnerId(row.getString("partner_id")),
                row.getString("user_id"), ProgressMapper.state(row.getString("state")), Sql.instant(row, "earned_at"),
                row.getString("event_id"));
    }
}
