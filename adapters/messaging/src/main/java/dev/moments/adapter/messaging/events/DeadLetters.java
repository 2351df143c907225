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
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Puts what can never succeed on the queue {@code moments.events.dlq} (through its dead-letter exchange), with the
 * header {@code x-moments-error}: the problem's {@code type} and {@code detail} as a JSON object.
 */
@ApplicationScoped
public class DeadLetters {

    /** The header that says why a message was dead-lettered. */
    static final String ERROR_HEADER = "x-moments-error";
    /** The longest detail a dead letter's header carries. */
    static final int MAX_DETAIL = 1_000;

    private final Emitter<byte[]> emitter;

    /**
     * The buffer holds the dead letters of a few batches at once: a batch's events (at most 1,000) may all be
     * invalid, and each recording thread waits for its batch's confirms.
     */
    public DeadLetters(@Channel("events-dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 16_384) Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Publishes {@code body}; completes once the broker confirmed it. */
    CompletableFuture<Void> send(byte[] body, String code, String detail) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withHeader(ERROR_HEADER, error(code, detail)).withContentType("application/json")
                .withDeliveryMode(2).withTimestamp(ZonedDateTime.now()).build();
        return Confirms.send(emitter, body, metadata);
    }

    /**
     * {@code {"type": "/problems/<code>", "detail": "..."}}, as a problem+json answer would name them; the detail cut
     * at {@value #MAX_DETAIL} characters, so that a header never grows with what a message carried.
     */
    static String error(String code, String detail) {
        String shown = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("type", "/problems/" + code).put("detail", shown);
        return error.toString();
    }
}
