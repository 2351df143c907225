package dev.moments.adapter.messaging;

import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Publishing through an emitter whose channel has publisher confirms. */
public final class Confirms {

    private Confirms() {
    }

    /** Sends {@code body}; the answer completes when the broker confirmed it, or fails when it did not take it. */
    public static CompletableFuture<Void> send(Emitter<byte[]> emitter, byte[] body, OutgoingRabbitMQMetadata metadata) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        emitter.send(Message.of(body, Metadata.of(metadata), () -> {
            confirmed.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            confirmed.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return confirmed;
    }
}
