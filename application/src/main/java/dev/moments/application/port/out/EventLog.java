package dev.moments.application.port.out;

import dev.moments.domain.partner.PartnerId;
import java.util.Optional;

/** Keeps every event received, once per (partner, event id), with what it led to, so a retry replays it. */
public interface EventLog {

    /**
     * Claims the event id for this partner. A second event with the same (partner, event id) is refused with
     * {@link ConcurrentWriteException}.
     */
    void insert(RecordedEvent event);

    Optional<RecordedEvent> find(PartnerId partnerId, String eventId);

    /** Stores what the event led to; called once, in the transaction that inserted it. */
    void saveOutcome(PartnerId partnerId, String eventId, EventOutcome outcome);
}
