package dev.moments.adapter.messaging.events;

import dev.moments.adapter.messaging.Confirms;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Puts what can never succeed on Kafka's topic {@code moments.events.dlq}, keyed as the record it came in, with the
 * header {@code x-moments-error}: the problem's {@code type} and {@code detail} as a JSON object (as on RabbitMQ).
 */
@ApplicationScoped
public class KafkaDeadLetters {

    private final Emitter<byte[]> emitter;

    /** The buffer holds the dead letters of a few polls at once (a record may be a batch of 1,000 bad events). */
    public KafkaDeadLetters(@Channel("kafka-dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 16_384) Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Where the dead letters of a record with this key go. */
    EventIntake.DeadLetterSink keyed(String key) {
        return (body, code, detail) -> Confirms.send(emitter, body, OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(new RecordHeaders().add(DeadLetters.ERROR_HEADER,
                        DeadLetters.error(code, detail).getBytes(StandardCharsets.UTF_8)))
                .build());
    }
}
