package dev.moments.adapter.messaging;

import dev.moments.application.port.Relay;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.OutboxSink;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The broker relay's sink when Kafka is the broker: publishes each domain event to the topic
 * {@code moments.domain-events}, keyed by the partner's id (a partner's events stay in order on one partition), with
 * the headers {@code type} and {@code id}, and returns once Kafka acknowledged every one. The body is the one
 * {@link BrokerSink} publishes to RabbitMQ.
 */
@ApplicationScoped
@Typed(KafkaSink.class)
public class KafkaSink implements OutboxSink {

    /** The channel of the outgoing domain events, in the configuration. */
    static final String CHANNEL = "kafka-domain-events";

    private final Emitter<byte[]> emitter;
    private final Duration confirmTimeout;

    public KafkaSink(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                             bufferSize = 4 * BrokerSink.MAX_BATCH) Emitter<byte[]> emitter,
                     @ConfigProperty(name = "moments.messaging.confirm-timeout", defaultValue = "10s")
                     Duration confirmTimeout) {
        this.emitter = emitter;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public Relay relay() {
        return Relay.BROKER;
    }

    /** Always: while Kafka is away a batch is not acknowledged in time, and the relay keeps its rows for later. */
    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void accept(List<OutboxEvent> events) {
        BrokerSink.publishAll(events, this::publish, confirmTimeout);
    }

    private CompletableFuture<Void> publish(OutboxEvent event) {
        return Confirms.send(emitter, BrokerSink.body(event), OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.partnerId().value())
                .withHeaders(new RecordHeaders()
                        .add("type", event.type().getBytes(StandardCharsets.UTF_8))
                        .add("id", event.id().getBytes(StandardCharsets.UTF_8)))
                .build());
    }
}
