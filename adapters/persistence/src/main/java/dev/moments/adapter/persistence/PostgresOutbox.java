package dev.moments.adapter.persistence;

import dev.moments.application.port.Relay;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
        return Sql.list("select id, partner_id, type, cast(data as text) as data, created_at from outbox"
                        + " where partner_id = ? order by created_at, seq limit ?",
                PostgresOutbox::event, partnerId.value(), limit);
    }

    @Override
    public boolean lease(Relay relay) {
        return Sql.first("select relay from outbox_relays where relay = ? for update skip locked",
                row -> row.getString("relay"), relay.name()).isPresent();
    }

    @Override
    public List<OutboxEvent> pending(Relay relay, int limit) {
        return Sql.list("select id, partner_id, type, cast(data as text) as data, created_at from outbox where "
                + mark(relay) + " is null order by seq limit ?", PostgresOutbox::event, limit);
    }

    @Override
    public void markRelayed(Relay relay, List<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        // bulk write: the relayed rows at once (= any), one statement instead of one per row
        Sql.update("update outbox set " + mark(relay) + " = ? where id = any(?)", at,
                ids.stream().distinct().toArray(String[]::new));
    }

    @Override
    public long countPending(Relay relay) {
        return Sql.first("select count(*) as pending from outbox where " + mark(relay) + " is null",
                row -> row.getLong("pending")).orElse(0L);
    }

    @Override
    public int prune(Instant before, int limit) {
        return Sql.update("delete from outbox where id in (select id from outbox where published_at is not null"
                + " and webhooks_at is not null and emails_at is not null and created_at < ? order by created_at"
                + " limit ?"
                + " for update skip locked)", before, limit);
    }

    /** The column of a relay's mark. */
    private static String mark(Relay relay) {
        return switch (relay) {
            case BROKER -> "published_at";
            case WEBHOOKS -> "webhooks_at";
            case EMAIL -> "emails_at";
        };
    }

    private static OutboxEvent event(ResultSet row) throws SQLException {
        return new OutboxEvent(row.getString("id"), new PartnerId(row.getString("partner_id")), row.getString("type"),
                Json.fields(Json.read(row.getString("data"))), Sql.instant(row, "created_at"));
    }
}
