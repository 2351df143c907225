package dev.moments.bootstrap;

import dev.moments.adapter.rest.RedeemLinks;
import dev.moments.application.port.in.RelayOutboxUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.service.AwardLinks;
import dev.moments.application.service.OutboxRelayService;
import io.quarkus.arc.All;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The outbox relay, with every sink an adapter offers (the broker's, the webhooks'). */
public class OutboxConfiguration {

    @Produces
    @Singleton
    RelayOutboxUseCase relayOutbox(DomainEventOutbox outbox, @All List<OutboxSink> sinks, AwardLinks links,
                                   Clock clock, TransactionRunner transactions, MomentsConfig config) {
        return new OutboxRelayService(outbox, sinks, links, clock, transactions, config.outbox().retention());
    }

    /** The links of awards' events, as the REST API shows them ({@link RedeemLinks}: the public URL). */
    @Produces
    @Singleton
    AwardLinks awardLinks(AwardRepository awards, TokenSealer sealer, RedeemLinks links) {
        return new AwardLinks(awards, sealer, links::of);
    }
}
