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

    // Plain SQL, not an entity: written in the transactions that pay, under the budget's lock (see Persistence).
    private static final String INSERT =
            "insert into outbox (id, partner_id, type, data, created_at) values (?, ?, ?, cast(? as jsonb), ?)";

    @Override
    public void append(OutboxEvent event) {
        Sql.update(INSERT, row(event));
    }

    /** One JDBC batch: the award.earned events of a unit of work are written in one round trip. */
    @Override
    public void appendAll(List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            Sql.batch(INSERT, events.stream().map(PostgresOutbox::row).toList());
        }
    }

    private static Object[] row(OutboxEvent event) {
        Objects.requireNonNull(event, "event");
        return new Object[] {event.id(), event.partnerId().value(), event.type(), Json.write(Json.node(event.data())),
                event.createdAt()};
    }

    // Plain SQL: a read for tests and operators, ordered by the insertion sequence no entity maps.
    @Override
    public List<OutboxEvent> recent(PartnerId partnerId, int limit) {
        return Sql.list("select id, type, cast(data as text) as data, created_at from outbox"
                        + " where partner_id = ? order by created_at, seq limit ?",
                row -> new OutboxEvent(row.getString("id"), partnerId, row.getString("type"),
                        Json.fields(Json.read(row.getString("data"))), Sql.instant(row, "created_at")),
                partnerId.value(), limit);
    }
}
