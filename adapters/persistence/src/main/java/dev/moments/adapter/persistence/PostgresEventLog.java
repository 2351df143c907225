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
        int changed = Store.em()
                .createNativeQuery("update events set outcome = cast(:outcome as jsonb)"
                        + " where partner_id = :partnerId and event_id = :eventId")
                .setParameter("outcome", EventMapper.outcomeJson(outcome))
                .setParameter("partnerId", partnerId.value())
                .setParameter("eventId", eventId)
                .executeUpdate();
        if (changed != 1) {
            throw new NoSuchElementException("partner " + partnerId + " has no event " + eventId);
        }
    }
}
