package dev.moments.application.port.out;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.domain.partner.PartnerId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps every event received, once per (partner, event id), with what it led to, so a retry replays it. */
public interface EventLog {

    /**
     * Stores a received event, with what it led to. A second event with the same (partner, event id) is refused
     * with {@link ConcurrentWriteException}: of two concurrent deliveries of one event, one transaction commits and the
     * other is rolled back, to find it and replay it.
     */
    void insert(RecordedEvent event);

    Optional<RecordedEvent> find(PartnerId partnerId, String eventId);

    /**
     * Stores several events, as {@link #insert} does, all or none; each may already carry its outcome (a unit of work
     * writes its events once, at its end).
     */
    default void insertAll(List<RecordedEvent> events) {
        events.forEach(this::insert);
    }

    /** {@link #find} for several ids of one partner at once; ids never received are left out. */
    default Map<String, RecordedEvent> findAll(PartnerId partnerId, Collection<String> eventIds) {
        Map<String, RecordedEvent> found = new HashMap<>();
        for (String eventId : eventIds) {
            find(partnerId, eventId).ifPresent(event -> found.put(eventId, event));
        }
        return found;
    }
}
