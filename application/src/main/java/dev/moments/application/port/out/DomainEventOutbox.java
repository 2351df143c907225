package dev.moments.application.port.out;

import dev.moments.application.port.Relay;
import dev.moments.domain.events.DomainEvent;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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
     * Takes the relay's lease until the calling transaction ends: {@code false} when another transaction (another
     * instance) holds it, and the caller then leaves the relay's rows alone. One holder at a time is what keeps the
     * rows in the order they were written; a holder that dies gives the lease back with its connection.
     */
    boolean lease(Relay relay);

    /** The oldest rows the relay has not passed on yet, in the order they were written. */
    List<OutboxEvent> pending(Relay relay, int limit);

    /** Marks rows as passed on by the relay, in the calling transaction. */
    void markRelayed(Relay relay, List<String> ids, Instant at);

    /** How many rows a relay has not passed on yet. */
    long countPending(Relay relay);

    /** Deletes at most {@code limit} rows that every relay passed on before {@code before}; answers how many. */
    int prune(Instant before, int limit);

    /**
     * One domain event.
     *
     * @param id unique, with the prefix {@code evt_}; the {@code webhook-id} and {@code message-id} of its deliveries
     * @param type e.g. {@code budget.low}, {@code budget.exhausted}
     * @param data JSON-like values only
     */
    record OutboxEvent(String id, PartnerId partnerId, String type, Map<String, Object> data, Instant createdAt) {

        /** The prefix of every outbox event's id. */
        public static final String ID_PREFIX = "evt_";

        public OutboxEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(createdAt, "createdAt");
            // in the order given (the JSON of a delivery reads as written); no null key or value, as Map.copyOf
            data.forEach((key, value) -> {
                Objects.requireNonNull(key, "a key of data");
                Objects.requireNonNull(value, "the value of " + key);
            });
            data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }

        /**
         * The event as it is delivered, to a webhook or on the broker: {@code {"id", "type", "createdAt", "data"}},
         * in that order, JSON-like values only.
         */
        public Map<String, Object> envelope() {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", id);
            envelope.put("type", type);
            envelope.put("createdAt", createdAt.toString());
            envelope.put("data", data);
            return envelope;
        }

        /**
         * The award the event is about ({@code award.*}, {@code fulfillment.updated}), or {@code null}: whoever
         * passes events on keeps one award's events in order.
         */
        public String awardId() {
            Object id = type.startsWith("award.") ? data.get("id") : data.get("awardId");
            return id instanceof String value ? value : null;
        }
    }
}
