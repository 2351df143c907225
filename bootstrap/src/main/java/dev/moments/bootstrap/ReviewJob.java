package dev.moments.bootstrap;

import dev.moments.application.port.in.ReviewAwardsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Rejects the awards that waited for review longer than their moment's {@code review.autoRejectAfter}: each is
 * CANCELLED, its reservation released, and the decision written to the audit log as the system's.
 */
@ApplicationScoped
public class ReviewJob {

    static final int BATCH = 200;
    /** Batches per run at most, so one run stays short even after a long outage. */
    static final int MAX_BATCHES = 50;

    private static final Logger LOG = Logger.getLogger(ReviewJob.class);

    private final ReviewAwardsUseCase reviews;

    public ReviewJob(ReviewAwardsUseCase reviews) {
        this.reviews = reviews;
    }

    @Scheduled(every = "${moments.review-interval:60s}", delayed = "${moments.review-delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int rejected = reviews.rejectDue(BATCH);
            total += rejected;
            if (rejected < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("rejected %d awards nobody reviewed in time and released their reservations", total);
        }
    }
}
