package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the attributes partners tell about their users in PostgreSQL, one jsonb object per (partner, user), replaced
 * by an upsert. Values come back JSON-like: null, Boolean, String, BigDecimal for every number, List, Map.
 */
@ApplicationScoped
public class PostgresUserProfileRepository implements UserProfileRepository {

    @Override
    public Map<String, Object> find(PartnerId partnerId, String userId) {
        Optional<String> stored = Sql.first("select cast(attributes as text) from user_profiles"
                + " where partner_id = ? and user_id = ?", row -> row.getString(1), partnerId.value(), userId);
        if (stored.isEmpty()) {
            return Map.of();
        }
        JsonNode attributes = Json.read(stored.get());
        if (!attributes.isObject()) {
            throw new IllegalStateException("the database holds user attributes that are not an object");
        }
        return Collections.unmodifiableMap(Json.fields(attributes));
    }

    @Override
    public void save(PartnerId partnerId, String userId, Map<String, Object> attributes, Instant at) {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(at, "at");
        Sql.update("insert into user_profiles (partner_id, user_id, attributes, updated_at)"
                        + " values (?, ?, cast(? as jsonb), ?)"
                        + " on conflict (partner_id, user_id) do update"
                        + " set attributes = user_profiles.attributes || excluded.attributes,"
                        + " updated_at = excluded.updated_at",
                partnerId.value(), userId, Json.write(Json.node(attributes)), at);
    }
}
