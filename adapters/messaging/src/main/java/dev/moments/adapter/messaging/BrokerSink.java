package dev.moments.adapter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.application.port.Relay;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.OutboxSink;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The broker relay's sink when RabbitMQ is the broker: publishes each domain event to the topic exchange
 * {@code moments.domain-events}, routing key = its type, {@code message-id} = its id, persistent, and returns once the
 * broker confirmed every one. The body is the webhook delivery's body plus {@code partnerId}.
 */
@ApplicationScoped
@Typed(BrokerSink.class)
public class BrokerSink implements OutboxSink {

    /** The channel of the outgoing domain events, in the configuration. */
    static final String CHANNEL = "domain-events";
    /** The most events one relay batch may hand over ({@code moments.outbox.relay-batch}). */
    public static final int MAX_BATCH = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emitter<byte[]> emitter;
    private final HealthCenter health;
    private final Duration confirmTimeout;

    /** The buffer holds a few relay batches (at most {@link #MAX_BATCH} events each) waiting for the connection. */
    public BrokerSink(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4 * MAX_BATCH)
                      Emitter<byte[]> emitter, HealthCenter health,
                      @ConfigProperty(name = "moments.messaging.confirm-timeout", defaultValue = "10s")
                      Duration confirmTimeout) {
        this.emitter = emitter;
        this.health = health;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public Relay relay() {
        return Relay.BROKER;
    }

    /** Whether the channel is connected: while the broker is away the relay keeps its rows for later. */
    @Override
    public boolean ready() {
        return health.getReadiness().getChannels().stream().filter(info -> CHANNEL.equals(info.getChannel()))
                .allMatch(info -> info.isOk());
    }

    @Override
    public void accept(List<OutboxEvent> events) {
        publishAll(events, this::publish, confirmTimeout);
    }

    /**
     * Publishes a relay batch (at most {@link #MAX_BATCH} events), each with {@code publish}, and returns once the
     * broker confirmed every one: what both brokers' sinks do.
     *
     * @throws IllegalStateException when the broker refused one or did not confirm them all within {@code timeout}
     */
    static void publishAll(List<OutboxEvent> events, Function<OutboxEvent, CompletableFuture<Void>> publish,
                           Duration timeout) {
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " events per batch, got " + events.size());
        }
        List<CompletableFuture<Void>> confirms = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            confirms.add(publish.apply(event));
        }
        Confirms.await(confirms, timeout, events.size() + " domain events");
    }

    private CompletableFuture<Void> publish(OutboxEvent event) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder().withRoutingKey(event.type())
                .withMessageId(event.id()).withDeliveryMode(2).withContentType("application/json")
                .withType(event.type()).withTimestamp(event.createdAt().atZone(ZoneOffset.UTC)).build();
        return Confirms.send(emitter, body(event), metadata);
    }

    /** {@code {"id", "type", "createdAt", "data", "partnerId"}}. */
    static byte[] body(OutboxEvent event) {
        Map<String, Object> body = event.envelope();
        body.put("partnerId", event.partnerId().value());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a domain event's data could not be written as JSON", e);
        }
    }
}
