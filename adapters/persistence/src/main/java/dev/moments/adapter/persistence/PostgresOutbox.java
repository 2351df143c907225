package dev.moments.adapter.persistence;

import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Keeps domain events in the {@code outbox} table, written in the caller's transaction. */
@ApplicationScoped
public class PostgresOutbox implements DomainEventOutbox {

    @Override
    public void append(OutboxEvent event) {
        Objects.requireNonNull(event, "event");
        Store.em()
                .createNativeQuery("insert into outbox (id, partner_id, type, data, created_at)"
                        + " values (:id, :partnerId, :type, cast(:data as jsonb), :createdAt)")
                .setParameter("id", event.id())
                .setParameter("partnerId", event.partnerId().value())
                .setParameter("type", event.type())
                .setParameter("data", Json.write(Json.node(event.data())))
                .setParameter("createdAt", event.createdAt())
                .executeUpdate();
    }

    @Override
    public List<OutboxEvent> recent(PartnerId partnerId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Store.em()
                .createNativeQuery("select id, type, cast(data as text), created_at from outbox"
                        + " where partner_id = :partnerId order by created_at, id limit :limit")
                .setParameter("partnerId", partnerId.value())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new OutboxEvent((String) row[0], partnerId, (String) row[1],
                Json.fields(Json.read((String) row[2])), instant(row[3]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
