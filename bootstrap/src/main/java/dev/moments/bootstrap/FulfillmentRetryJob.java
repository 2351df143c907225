package dev.moments.bootstrap;

import dev.moments.application.port.in.RetryFulfillmentsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Submits again the pending deliveries (of the {@code http} provider, the one that submits after the claim) whose last
 * submission failed in a way that may pass (timeouts, 5xx, …), once their backoff is over, and those whose claim's own
 * background submission never got an answer stored (a crash, a shutdown, a full queue), once the claim's lease is
 * over; after a bounded number of attempts a delivery is given up as FAILED and refunded. Safe on several instances:
 * each batch is picked with SKIP LOCKED and hidden from the others while it is submitted.
 */
@ApplicationScoped
public class FulfillmentRetryJob {

    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(FulfillmentRetryJob.class);

    private final RetryFulfillmentsUseCase retries;

    public FulfillmentRetryJob(RetryFulfillmentsUseCase retries) {
        this.retries = retries;
    }

    @Scheduled(every = "${moments.fulfillment-retry-interval:30s}", delayed = "${moments.fulfillment-retry-delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int submitted = retries.retryDue(BATCH);
        if (submitted > 0) {
            LOG.infof("submitted %d pending deliveries to their provider again", submitted);
        }
    }
}
