package dev.moments.application.port.out;

import dev.moments.domain.events.DomainEvent;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Domain events written in the same transaction as the change they describe, to be relayed later (RabbitMQ,
 * partner webhooks) at least once; consumers dedupe by the event id.
 */
public interface DomainEventOutbox {

    /** Writes a row; {@link #raise} makes the row of a domain event. */
    void append(OutboxEvent event);

    /** Writes rows in order; a store writes them together (one batch), the default one by one. */
    default void appendAll(List<OutboxEvent> events) {
        events.forEach(this::append);
    }

    /** Writes a domain event, as {@link OutboxEvents#of} makes its row, under a new id. */
    default void raise(DomainEvent event, IdGenerator ids) {
        append(OutboxEvents.of(ids.next(OutboxEvent.ID_PREFIX), event));
    }

    /** Writes domain events in order, each as {@link #raise} would, together. */
    default void raiseAll(List<? extends DomainEvent> events, IdGenerator ids) {
        if (!events.isEmpty()) {
            appendAll(events.stream().map(event -> OutboxEvents.of(ids.next(OutboxEvent.ID_PREFIX), event)).toList());
        }
    }

    /** The partner's events, oldest first, for tests and operators. */
    List<OutboxEvent> recent(PartnerId partnerId, int limit);

    /**
     * One domain event.
     *
     * @param id unique, with the prefix {@code whe_} it keeps as a webhook delivery
     * @param type e.g. {@code budget.low}, {@code budget.exhausted}
     * @param data JSON-like values only
     */
    record OutboxEvent(String id, PartnerId partnerId, String type, Map<String, Object> data, Instant createdAt) {

        /** The prefix of every outbox event's id. */
        public static final String ID_PREFIX = "whe_";

        public OutboxEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(createdAt, "createdAt");
            data = Map.copyOf(data);
        }
    }
}
