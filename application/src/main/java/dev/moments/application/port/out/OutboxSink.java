package dev.moments.application.port.out;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.Relay;
import java.util.List;

/** Where one relay passes the outbox's events on: the broker, or the partners' webhook deliveries. */
public interface OutboxSink {

    /** The relay whose mark this sink's work sets. */
    Relay relay();

    /**
     * Passes events on, in order. Returns only once each is safely handed over (confirmed by the broker, or written
     * in the calling transaction); throws when one could not be, and the relay offers the same events again later.
     * Events offered again are passed on again: readers dedupe by the event id.
     */
    void accept(List<OutboxEvent> events);

    /**
     * Whether the sink keeps the events (to send them later) rather than sending them now. One that sends gets each
     * {@code award.*} event with its award's redemption link; one that keeps them gets them without it, since the
     * link is a secret kept sealed at rest, and adds it when it sends.
     */
    default boolean keepsEvents() {
        return false;
    }

    /** Whether the sink can take events now; a relay skips its turn when it cannot (the broker is down). */
    default boolean ready() {
        return true;
    }
}
