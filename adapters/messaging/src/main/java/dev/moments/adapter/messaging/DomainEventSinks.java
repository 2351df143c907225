package dev.moments.adapter.messaging;

import dev.moments.application.port.out.OutboxSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The broker relay's sink of the broker in use ({@code moments.messaging.broker}): RabbitMQ's or Kafka's. */
@ApplicationScoped
public class DomainEventSinks {

    private final Broker broker;

    public DomainEventSinks(@ConfigProperty(name = Broker.PROPERTY, defaultValue = "rabbitmq") Broker broker) {
        this.broker = broker;
    }

    /** The broker in use. */
    public Broker broker() {
        return broker;
    }

    @Produces
    @Singleton
    OutboxSink brokerSink(BrokerSink rabbitMq, KafkaSink kafka) {
        return broker == Broker.KAFKA ? kafka : rabbitMq;
    }
}
