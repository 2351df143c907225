package dev.moments.adapter.messaging.events;

import dev.moments.adapter.messaging.events.EventIntake.Delivery;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records the events internal systems publish to Kafka's topic {@code moments.events} ({@link EventIntake}), keyed
 * by {@code <partnerId>:<userId>} so that one user's events stay in order on one partition.
 *
 * <p>Each poll's records come as one batch, recorded in their order by one thread per consumer (so a partition's
 * records are recorded in order), their events together in units of work; the batch is acknowledged once they are
 * committed and their dead letters confirmed, and only acknowledged offsets are committed to Kafka. Instances in one
 * consumer group ({@code moments}) share the partitions. A batch that fails unexpectedly is recorded again record by
 * record, and a record that still fails is dead-lettered as {@code internal}, so nothing is skipped unsaid.
 */
@ApplicationScoped
public class KafkaEventConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);

    private final EventIntake intake;
    private final KafkaDeadLetters deadLetters;
    private final Duration confirmTimeout;

    public KafkaEventConsumer(EventIntake intake, KafkaDeadLetters deadLetters,
                              @ConfigProperty(name = "moments.messaging.confirm-timeout", defaultValue = "10s")
                              Duration confirmTimeout) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.confirmTimeout = confirmTimeout;
    }

    @Incoming("kafka-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<Delivery> deliveries = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            deliveries.add(new Delivery(record.getPayload(), deadLetters.keyed(record.getKey())));
        }
        try {
            untilConfirmed(() -> intake.record(deliveries));
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "a batch of %d event records failed unexpectedly; recording them one by one",
                    deliveries.size());
            for (Delivery delivery : deliveries) {
                try {
                    untilConfirmed(() -> intake.record(List.of(delivery)));
                } catch (RuntimeException stillFailing) {
                    LOG.errorf(stillFailing, "an event record failed unexpectedly again; it is dead-lettered");
                    String detail = "recording it failed unexpectedly: " + stillFailing;
                    untilConfirmed(() -> List.of(delivery.deadLetters().send(delivery.body(), "internal", detail)));
                }
            }
        }
        return batch.ack();
    }

    /**
     * Runs {@code attempt} (which records and dead-letters) and waits for the confirms of its dead letters; while
     * Kafka does not confirm them, runs it again after a pause: events already committed come back as duplicates.
     */
    private void untilConfirmed(Supplier<List<CompletableFuture<Void>>> attempt) {
        Backoff backoff = new Backoff();
        while (true) {
            List<CompletableFuture<Void>> letters = attempt.get();
            try {
                CompletableFuture.allOf(letters.toArray(CompletableFuture[]::new))
                        .get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException | ExecutionException unconfirmed) {
                LOG.warnf("Kafka did not confirm %d dead letters (%s); trying again in %d ms", letters.size(),
                        unconfirmed, backoff.next().toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka's confirms", interrupted);
            }
            backoff.pause();
        }
    }
}
