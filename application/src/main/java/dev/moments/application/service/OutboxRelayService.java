package dev.moments.application.service;

import dev.moments.application.port.in.RelayOutboxUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.Relay;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.TransactionRunner;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Relays the outbox: each relay (broker, webhooks) reads the rows it has not passed on, oldest first, hands them to
 * its sink and marks them, in one transaction under its lease. A failure rolls the marks back and the same rows are
 * offered again: at least once, in the order written, by one instance at a time per relay.
 */
public final class OutboxRelayService implements RelayOutboxUseCase {

    private final DomainEventOutbox outbox;
    private final Map<Relay, OutboxSink> sinks = new EnumMap<>(Relay.class);
    private final AwardLinks links;
    private final Clock clock;
    private final TransactionRunner transactions;
    private final Duration retention;

    public OutboxRelayService(DomainEventOutbox outbox, List<OutboxSink> sinks, AwardLinks links, Clock clock,
                              TransactionRunner transactions, Duration retention) {
        this.outbox = outbox;
        sinks.forEach(sink -> this.sinks.put(sink.relay(), sink));
        this.links = links;
        this.clock = clock;
        this.transactions = transactions;
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public int relay(Relay relay, int batchSize) {
        OutboxSink sink = sinks.get(relay);
        if (sink == null || !sink.ready()) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            if (!outbox.lease(relay)) {
                return 0;
            }
            List<OutboxEvent> events = outbox.pending(relay, batchSize);
            if (!events.isEmpty()) {
                // a sink that sends gets each award's link; one that keeps the events gets them as they are
                sink.accept(sink.keepsEvents() ? events : links.withRedeemUrls(events));
                outbox.markRelayed(relay, events.stream().map(OutboxEvent::id).toList(), clock.now());
            }
            return events.size();
        });
    }

    @Override
    public int prune(int batchSize) {
        return transactions.inTransaction(() -> outbox.prune(clock.now().minus(retention), batchSize));
    }
}
