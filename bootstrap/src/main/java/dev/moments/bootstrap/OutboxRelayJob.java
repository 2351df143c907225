package dev.moments.bootstrap;

import dev.moments.adapter.messaging.BrokerSink;
import dev.moments.application.port.Relay;
import dev.moments.application.port.in.RelayOutboxUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Relays the outbox every second: each relay (on a job of its own) passes on what waits, a batch per transaction, until less than a batch
 * ({@code moments.outbox.relay-batch}) is left (at most {@link #ROUNDS} batches a turn, so one turn never runs for long); and once an hour forgets the rows
 * every relay passed on longer ago than {@code moments.outbox.retention}. Safe on several instances: a relay's batch
 * is passed on under its lease, and an instance that finds the lease taken skips its turn.
 */
@ApplicationScoped
public class OutboxRelayJob {

    static final int ROUNDS = 50;
    /** Rows deleted per statement, and statements per hourly turn (a million rows at most). */
    static final int PRUNE_BATCH = 1_000;
    static final int PRUNE_BATCHES = 1_000;

    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    private final RelayOutboxUseCase outbox;
    private final MicrometerMetrics metrics;
    private final int batch;

    public OutboxRelayJob(RelayOutboxUseCase outbox, MicrometerMetrics metrics, MomentsConfig config) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.batch = config.outbox().relayBatch();
        if (batch < 1 || batch > BrokerSink.MAX_BATCH) {
            throw new IllegalArgumentException("moments.outbox.relay-batch is from 1 to " + BrokerSink.MAX_BATCH
                    + ", got " + batch);
        }
    }

    @Scheduled(every = "${moments.outbox.relay-interval:1s}", delayed = "${moments.outbox.relay-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayToBroker() {
        relay(Relay.BROKER);
    }

    /** A job of its own: a broker that does not confirm never holds back the webhooks. */
    @Scheduled(every = "${moments.outbox.relay-interval:1s}", delayed = "${moments.outbox.relay-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayToWebhooks() {
        relay(Relay.WEBHOOKS);
    }

    /** A job of its own: e-mails are written whatever the broker and the webhooks do. */
    @Scheduled(every = "${moments.outbox.relay-interval:1s}", delayed = "${moments.outbox.relay-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayToEmails() {
        relay(Relay.EMAIL);
    }

    private void relay(Relay relay) {
        try {
            Batches.whileFull(batch, ROUNDS, size -> outbox.relay(relay, size));
        } catch (RuntimeException e) {
            LOG.warnf("the %s relay failed; its events are offered again next turn: %s", relay, e.toString());
        }
    }

    /** What waits in the outbox, for {@code moments_outbox_pending}. */
    @Scheduled(every = "10s", delayed = "${moments.outbox.relay-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        metrics.measureOutbox();
    }

    @Scheduled(every = "${moments.outbox.prune-interval:1h}", delayed = "${moments.outbox.prune-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int total = Batches.whileFull(PRUNE_BATCH, PRUNE_BATCHES, outbox::prune);
        if (total > 0) {
            LOG.infof("pruned %d relayed outbox events", total);
        }
    }
}
