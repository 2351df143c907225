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
        Store.insert(EventMapper.toEntity(event), "event " + event.eventId() + " of partner " + event.partnerId());
    }

    @Override
    public Optional<RecordedEvent> find(PartnerId partnerId, String eventId) {
        return Store.find(EventEntity.class, new EventEntity.Key(partnerId.value(), eventId))
                .map(EventMapper::toDomain);
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
