package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the attributes partners tell about their users in PostgreSQL, one jsonb object per (partner, user), replaced
 * by an upsert. Values come back JSON-like: null, Boolean, String, BigDecimal for every number, List, Map.
 */
@ApplicationScoped
public class PostgresUserProfileRepository implements UserProfileRepository {

    @Override
    public Map<String, Object> find(PartnerId partnerId, String userId) {
        List<?> rows = Store.em()
                .createNativeQuery("select cast(attributes as text) from user_profiles"
                        + " where partner_id = :partnerId and user_id = :userId", String.class)
                .setParameter("partnerId", partnerId.value())
                .setParameter("userId", userId)
                .getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        JsonNode attributes = Json.read((String) rows.get(0));
        if (!attributes.isObject()) {
            throw new IllegalStateException("the database holds user attributes that are not an object");
        }
        return Collections.unmodifiableMap(Json.fields(attributes));
    }

    @Override
    public void save(PartnerId partnerId, String userId, Map<String, Object> attributes, Instant at) {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(at, "at");
        Store.em()
                .createNativeQuery("insert into user_profiles (partner_id, user_id, attributes, updated_at)"
                        + " values (:partnerId, :userId, cast(:attributes as jsonb), :at)"
                        + " on conflict (partner_id, user_id) do update"
                        + " set attributes = user_profiles.attributes || excluded.attributes,"
                        + " updated_at = excluded.updated_at")
                .setParameter("partnerId", partnerId.value())
                .setParameter("userId", userId)
                .setParameter("attributes", Json.write(Json.node(attributes)))
                .setParameter("at", at)
                .executeUpdate();
    }
}
