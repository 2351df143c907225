package dev.moments.adapter.messaging.events;

import dev.moments.adapter.messaging.events.EventIntake.Delivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Records the events internal systems publish to RabbitMQ's queue {@code moments.events} ({@link EventIntake}), one
 * message at a time on several threads.
 *
 * <p>A message is acknowledged only once its events are committed and its dead letters confirmed (with their
 * reason, on the queue {@code moments.events.dlq}). While the database is unavailable the message is tried again here
 * and never dead-lettered; anything else (a failure nobody expected) gives the message back to the queue, whose
 * delivery limit dead-letters it if it keeps failing.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventIntake intake;
    private final DeadLetters deadLetters;
    private final Optional<String> haltAfterCommitOf;
    private final Duration confirmTimeout;

    /**
     * @param haltAfterCommitOf a fail point for the tests that kill the service between a commit and its
     *     acknowledgement: the process halts at once after recording the message that carries this event id (unset,
     *     as it must be in production, it does nothing)
     */
    public EventConsumer(EventIntake intake, DeadLetters deadLetters,
                         @ConfigProperty(name = "moments.messaging.confirm-timeout", defaultValue = "10s")
                         Duration confirmTimeout,
                         @ConfigProperty(name = "moments.messaging.fail-point.halt-after-commit-of")
                         Optional<String> haltAfterCommitOf) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.haltAfterCommitOf = haltAfterCommitOf;
        this.confirmTimeout = confirmTimeout;
    }

    @Incoming("events")
    @Blocking(value = "moments-events", ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        try {
            List<CompletableFuture<Void>> letters = intake.record(List.of(new Delivery(message.getPayload(),
                    deadLetters::send)));
            CompletableFuture.allOf(letters.toArray(CompletableFuture[]::new))
                    .get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (haltAfterCommitOf.isPresent() && new String(message.getPayload(), StandardCharsets.UTF_8)
                    .contains("\"" + haltAfterCommitOf.get() + "\"")) {
                LOG.warnf("fail point: halting after the commit of %s, before its acknowledgement",
                        haltAfterCommitOf.get());
                Runtime.getRuntime().halt(137);
            }
            return message.ack();
        } catch (TimeoutException | ExecutionException unconfirmed) {
            LOG.warnf("the broker did not confirm a message's dead letters (%s); it goes back to the queue",
                    unconfirmed.toString());
            return message.nack(unconfirmed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return message.nack(interrupted);
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "an event message failed unexpectedly; it goes back to the queue");
            return message.nack(unexpected);
        }
    }
}
