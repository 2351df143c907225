package dev.moments.bootstrap;

import dev.moments.application.port.in.RelayOutboxUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.service.OutboxRelayService;
import io.quarkus.arc.All;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The outbox relay, with every sink an adapter offers (the broker's, the webhooks'). */
public class OutboxConfiguration {

    @Produces
    @Singleton
    RelayOutboxUseCase relayOutbox(DomainEventOutbox outbox, @All List<OutboxSink> sinks, Clock clock,
                                   TransactionRunner transactions, MomentsConfig config) {
        return new OutboxRelayService(outbox, sinks, clock, transactions, config.outbox().retention());
    }
}
