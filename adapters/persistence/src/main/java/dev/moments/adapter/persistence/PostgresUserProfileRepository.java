package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.referral.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the attributes partners tell about their users in PostgreSQL, one jsonb object per (partner, user), replaced
 * by an upsert. Values come back JSON-like: null, Boolean, String, BigDecimal for every number, List, Map.
 */
@ApplicationScoped
@StoreOutages
public class PostgresUserProfileRepository implements UserProfileRepository {

    @Override
    public Map<String, Object> find(PartnerId partnerId, String userId) {
        // per-event path: an event's user attributes when they are not read with its unit
        Optional<String> stored = Sql.first("select cast(attributes as text) from user_profiles"
                + " where partner_id = ? and user_id = ?", row -> row.getString(1), partnerId.value(), userId);
        return stored.map(PostgresUserProfileRepository::attributes).orElse(Map.of());
    }

    private static Map<String, Object> attributes(String stored) {
        JsonNode attributes = Json.read(stored);
        if (!attributes.isObject()) {
            throw new IllegalStateException("the database holds user attributes that are not an object");
        }
        return Collections.unmodifiableMap(Json.fields(attributes));
    }

    @Override
    public Map<String, Map<String, Object>> findAll(PartnerId partnerId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> found = new HashMap<>();
        // bulk read: a unit's users at once (= any)
        Sql.list("select user_id, cast(attributes as text) from user_profiles where partner_id = ?"
                        + " and user_id = any(?)", row -> found.put(row.getString(1), attributes(row.getString(2))),
                partnerId.value(), userIds.stream().distinct().toArray(String[]::new));
        return found;
    }

    @Override
    public void save(PartnerId partnerId, String userId, Map<String, Object> attributes, Instant at) {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(at, "at");
        // upsert: merges the attributes into the stored ones (jsonb ||)
        Sql.update("insert into user_profiles (partner_id, user_id, attributes, updated_at)"
                        + " values (?, ?, cast(? as jsonb), ?)"
                        + " on conflict (partner_id, user_id) do update"
                        + " set attributes = user_profiles.attributes || excluded.attributes,"
                        + " updated_at = excluded.updated_at",
                partnerId.value(), userId, Json.write(Json.node(attributes)), at);
    }

    @Override
    public Map<String, Referral> referrals(PartnerId partnerId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Referral> found = new HashMap<>();
        // bulk read: = any(?), the referees a unit pays for (one at a time on the event path: completions only)
        Sql.list("select user_id, referrer_id, referred_at from referrals where partner_id = ? and user_id = any(?)",
                row -> found.put(row.getString(1), new Referral(row.getString(1), row.getString(2),
                        Sql.instant(row, "referred_at"))),
                partnerId.value(), userIds.stream().distinct().toArray(String[]::new));
        return found;
    }

    @Override
    public void refer(PartnerId partnerId, List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return;
        }
        // batch: the first referral of each user wins, here and against a concurrent unit (on conflict do nothing)
        Sql.batch("insert into referrals (partner_id, user_id, referrer_id, referred_at) values (?, ?, ?, ?)"
                        + " on conflict (partner_id, user_id) do nothing",
                referrals.stream().map(referral -> new Object[] {partnerId.value(), referral.referee(),
                    referral.referrer(), referral.referredAt()}).toList());
    }

    @Override
    public void seenOn(PartnerId partnerId, List<UserDevice> seen) {
        if (seen.isEmpty()) {
            return;
        }
        // batch: partners with referral moments only; pairs already known are left as they are
        Sql.batch("insert into user_devices (partner_id, user_id, device_id) values (?, ?, ?)"
                        + " on conflict do nothing",
                seen.stream().map(pair -> new Object[] {partnerId.value(), pair.userId(), pair.deviceId()}).toList());
    }

    @Override
    public boolean shareDevice(PartnerId partnerId, String userId, String otherUserId) {
        // per-event path: every completion of a referral moment by a referred user
        return Sql.first("select 1 from user_devices mine join user_devices theirs"
                        + " on theirs.partner_id = mine.partner_id and theirs.device_id = mine.device_id"
                        + " where mine.partner_id = ? and mine.user_id = ? and theirs.user_id = ? limit 1",
                row -> true, partnerId.value(), userId, otherUserId).isPresent();
    }

    @Override
    public List<String> usersWithEmail(PartnerId partnerId, String emailKey, int limit) {
        // the digest Block.emailKey computes (blanks around stripped, lower-cased), of the attribute as a string: a
        // scan of the partner's profiles, for a blocklist's cancel-awards only
        return Sql.list("select user_id from user_profiles where partner_id = ? and jsonb_typeof(attributes -> 'email')"
                        + " = 'string' and encode(sha256(convert_to(lower(regexp_replace(attributes ->> 'email',"
                        + " '^\\s+|\\s+$', '', 'g')), 'UTF8')), 'hex') = ? order by user_id limit ?",
                row -> row.getString(1), partnerId.value(), emailKey, limit);
    }
}
