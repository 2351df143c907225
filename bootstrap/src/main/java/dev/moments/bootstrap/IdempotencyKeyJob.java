package dev.moments.bootstrap;

import dev.moments.application.port.in.ExpireIdempotencyKeysUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Forgets idempotency keys past their retention ({@code moments.idempotency.retention}), in batches. Safe on several
 * instances: each batch skips the keys another instance is deleting (SKIP LOCKED).
 */
@ApplicationScoped
public class IdempotencyKeyJob {

    static final int BATCH = 1000;
    /** Batches per run at most, so one run stays short even after a long outage. */
    static final int MAX_BATCHES = 100;

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyJob.class);

    private final ExpireIdempotencyKeysUseCase keys;

    public IdempotencyKeyJob(ExpireIdempotencyKeysUseCase keys) {
        this.keys = keys;
    }

    @Scheduled(every = "${moments.idempotency.cleanup-interval:15m}",
            delayed = "${moments.idempotency.cleanup-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = Batches.whileFull(BATCH, MAX_BATCHES, keys::forgetExpired);
        if (total > 0) {
            LOG.infof("forgot %d idempotency keys past their retention", total);
        }
    }
}
