package dev.moments.adapter.persistence;

import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Keeps every event received in PostgreSQL, once per (partner, event id), with its outcome as jsonb. */
@ApplicationScoped
public class PostgresEventLog implements EventLog {

    @Override
    public void insert(RecordedEvent event) {
        Sql.insert("event " + event.eventId() + " of partner " + event.partnerId(),
                "insert into events (partner_id, event_id, fingerprint, type, user_id, occurred_at, received_at,"
                        + " outcome) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))",
                event.partnerId().value(), event.eventId(), event.fingerprint(), event.type(), event.userId(),
                event.occurredAt(), event.receivedAt(),
                event.outcome() == null ? null : EventMapper.outcomeJson(event.outcome()));
    }

    @Override
    public Optional<RecordedEvent> find(PartnerId partnerId, String eventId) {
        return Sql.first("select fingerprint, type, user_id, occurred_at, received_at, cast(outcome as text) as outcome"
                        + " from events where partner_id = ? and event_id = ?",
                row -> {
                    String outcome = row.getString("outcome");
                    return new RecordedEvent(partnerId, eventId, row.getString("fingerprint"), row.getString("type"),
                            row.getString("user_id"), Sql.instant(row, "occurred_at"),
                            Sql.instant(row, "received_at"),
                            outcome == null ? null : EventMapper.outcome(Json.read(outcome)));
                },
                partnerId.value(), eventId);
    }

    @Override
    public void saveOutcome(PartnerId partnerId, String eventId, EventOutcome outcome) {
        int changed = Sql.update("update events set outcome = cast(? as jsonb) where partner_id = ? and event_id = ?",
                EventMapper.outcomeJson(outcome), partnerId.value(), eventId);
        if (changed != 1) {
            throw new NoSuchElementException("partner " + partnerId + " has no event " + eventId);
        }
    }
}
