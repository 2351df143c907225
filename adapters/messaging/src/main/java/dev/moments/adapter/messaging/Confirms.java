package dev.moments.adapter.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * Waits until the broker confirmed every one of {@code confirms}.
     *
     * @param what what was sent, for the failure's message, e.g. {@code "200 domain events"}
     * @throws IllegalStateException when the broker refused one, did not confirm them all within {@code timeout}, or
     *     the wait was interrupted
     */
    public static void await(List<CompletableFuture<Void>> confirms, Duration timeout, String what) {
        try {
            CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused one of " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not confirm " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker to confirm " + what, e);
        }
    }
}
