package dev.moments.bootstrap;

import dev.moments.application.port.in.DispatchWebhooksUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends the webhook deliveries that are due and records their answers, a round every
 * {@code moments.webhooks.dispatch-interval}; runs on its own, never in a request, so a slow or dead receiver never
 * slows event ingestion. Safe on several instances: deliveries are leased with SKIP LOCKED.
 */
@ApplicationScoped
public class WebhookDispatchJob {

    private static final Logger LOG = Logger.getLogger(WebhookDispatchJob.class);

    private final DispatchWebhooksUseCase dispatch;

    public WebhookDispatchJob(DispatchWebhooksUseCase dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(every = "${moments.webhooks.dispatch-interval:1s}", delayed = "${moments.webhooks.dispatch-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int sent = dispatch.dispatch();
        if (sent > 0) {
            LOG.debugf("sent %d webhook deliveries", sent);
        }
    }

    /** Forgets finished deliveries older than {@code moments.webhooks.retention}, hourly. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int total = Batches.whileFull(OutboxRelayJob.PRUNE_BATCH, OutboxRelayJob.PRUNE_BATCHES, dispatch::prune);
        if (total > 0) {
            LOG.infof("pruned %d finished webhook deliveries", total);
        }
    }
}
