package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
}
