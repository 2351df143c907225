package dev.moments.adapter.persistence;

import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;

/** Keeps domain events in the {@code outbox} table, written in the caller's transaction. */
@ApplicationScoped
@StoreOutages
public class PostgresOutbox implements DomainEventOutbox {

    @Override
    public void append(OutboxEvent event) {
        Objects.requireNonNull(event, "event");
        Sql.update("insert into outbox (id, partner_id, type, data, created_at) values (?, ?, ?, cast(? as jsonb), ?)",
                event.id(), event.partnerId().value(), event.type(), Json.write(Json.node(event.data())),
                event.createdAt());
    }

    @Override
    public List<OutboxEvent> recent(PartnerId partnerId, int limit) {
        return Sql.list("select id, type, cast(data as text) as data, created_at from outbox"
                        + " where partner_id = ? order by created_at, seq limit ?",
                row -> new OutboxEvent(row.getString("id"), partnerId, row.getString("type"),
                        Json.fields(Json.read(row.getString("data"))), Sql.instant(row, "created_at")),
                partnerId.value(), limit);
    }
}
