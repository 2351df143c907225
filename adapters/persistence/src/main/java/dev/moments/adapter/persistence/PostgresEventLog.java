package dev.moments.adapter.persistence;

import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps every event received in PostgreSQL, once per (partner, event id), with its outcome as jsonb. */
@ApplicationScoped
@StoreOutages
public class PostgresEventLog implements EventLog {

    private static final String INSERT = "insert into events (partner_id, event_id, fingerprint, type, user_id,"
            + " occurred_at, received_at, outcome) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))";

    private static final String SELECT = "select event_id, fingerprint, type, user_id, occurred_at, received_at,"
            + " cast(outcome as text) as outcome from events";

    @Override
    public void insert(RecordedEvent event) {
        // batch: insertAll's statement, for one row (the port's single-row method)
        Sql.insert("event " + event.eventId() + " of partner " + event.partnerId(), INSERT, row(event));
        seen(List.of(event));
    }

    @Override
    public void insertAll(List<RecordedEvent> events) {
        // batch: a unit's events with their outcomes, one round trip
        Sql.insertAll("events", INSERT, events.stream().map(PostgresEventLog::row).toList());
        seen(events);
    }

    /**
     * Moves each user's last-seen time to their newest event, for the reports' retention. The users' rows are written
     * in (partner, user) order, so two units seeing the same users wait for each other in one order.
     */
    private static void seen(List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // upsert: a unit's users at once (unnest), each row only ever moving forward
        Sql.update("insert into user_activity (partner_id, user_id, last_seen_at)"
                        + " select partner_id, user_id, max(seen) from unnest(?, ?, cast(? as timestamptz[]))"
                        + " as s(partner_id, user_id, seen)"
                        + " group by partner_id, user_id order by partner_id, user_id"
                        + " on conflict (partner_id, user_id) do update set last_seen_at = excluded.last_seen_at"
                        + " where user_activity.last_seen_at < excluded.last_seen_at",
                events.stream().map(event -> event.partnerId().value()).toArray(String[]::new),
                events.stream().map(RecordedEvent::userId).toArray(String[]::new),
                events.stream().map(event -> event.occurredAt().toString()).toArray(String[]::new));
    }

    private static Object[] row(RecordedEvent event) {
        return new Object[] {event.partnerId().value(), event.eventId(), event.fingerprint(), event.type(),
            event.userId(), event.occurredAt(), event.receivedAt(),
            event.outcome() == null ? null : EventMapper.outcomeJson(event.outcome())};
    }

    @Override
    public Optional<RecordedEvent> find(PartnerId partnerId, String eventId) {
        // per-event path: the first statement of every event (a replay?)
        return Sql.first(SELECT + " where partner_id = ? and event_id = ?", row -> recorded(partnerId, row),
                partnerId.value(), eventId);
    }

    @Override
    public Map<String, RecordedEvent> findAll(PartnerId partnerId, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        Map<String, RecordedEvent> found = new HashMap<>();
        // bulk read: a unit's event ids at once (= any)
        Sql.list(SELECT + " where partner_id = ? and event_id = any(?)", row -> recorded(partnerId, row),
                partnerId.value(), eventIds.stream().distinct().toArray(String[]::new))
                .forEach(event -> found.put(event.eventId(), event));
        return found;
    }

    private static RecordedEvent recorded(PartnerId partnerId, ResultSet row) throws SQLException {
        String outcome = row.getString("outcome");
        return new RecordedEvent(partnerId, row.getString("event_id"), row.getString("fingerprint"),
                row.getString("type"), row.getString("user_id"), Sql.instant(row, "occurred_at"),
                Sql.instant(row, "received_at"), outcome == null ? null : EventMapper.outcome(Json.read(outcome)));
    }
}
