package dev.moments.adapter.messaging;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Publishing through an emitter whose broker confirms what it took (RabbitMQ publisher confirms, Kafka acks). */
public final class Confirms {

    private Confirms() {
    }

    /**
     * Sends {@code body} with the broker's outgoing {@code metadata}; the answer completes when the broker confirmed
     * it, or fails when it did not take it.
     */
    public static CompletableFuture<Void> send(Emitter<byte[]> emitter, byte[] body, Object metadata) {
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
