package dev.moments.adapter.messaging.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.adapter.messaging.Confirms;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Puts what can never succeed on the queue {@code moments.events.dlq} (through its dead-letter exchange), with the
 * header {@code x-moments-error}: the problem's {@code type} and {@code detail} as a JSON object.
 */
@ApplicationScoped
public class DeadLetters {

    /** The header that says why a message was dead-lettered. */
    static final String ERROR_HEADER = "x-moments-error";

    private final Emitter<byte[]> emitter;

    public DeadLetters(@Channel("events-dead-letters") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Publishes {@code body}; completes once the broker confirmed it. */
    CompletableFuture<Void> send(byte[] body, String code, String detail) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withHeader(ERROR_HEADER, error(code, detail)).withContentType("application/json")
                .withDeliveryMode(2).withTimestamp(ZonedDateTime.now()).build();
        return Confirms.send(emitter, body, metadata);
    }

    /** {@code {"type": "/problems/<code>", "detail": "..."}}, as a problem+json answer would name them. */
    static String error(String code, String detail) {
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("type", "/problems/" + code).put("detail", detail);
        return error.toString();
    }
}
