package dev.moments.bootstrap;

import dev.moments.application.port.in.ExpireAwardsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Expires unclaimed awards past their deadline and releases their reservations, in batches. Safe on several
 * instances: each batch locks its awards with SKIP LOCKED, so two instances never expire the same award.
 */
@ApplicationScoped
public class ExpiryJob {

    static final int BATCH = 500;
    /** Batches per run at most, so one run stays short even after a long outage. */
    static final int MAX_BATCHES = 100;

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final ExpireAwardsUseCase expiry;

    public ExpiryJob(ExpireAwardsUseCase expiry) {
        this.expiry = expiry;
    }

    @Scheduled(every = "${moments.expiry-interval:30s}", delayed = "${moments.expiry-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            ExpireAwardsUseCase.Expiry expiry = this.expiry.expireDue(BATCH);
            total += expiry.expired();
            expiry.failures().forEach(failure -> LOG.errorf("could not expire an award, left as it is: %s", failure));
            if (expiry.expired() + expiry.failures().size() < BATCH || !expiry.failures().isEmpty()) {
                break; // nothing more due, or an award that fails: the next run tries again
            }
        }
        if (total > 0) {
            LOG.infof("expired %d unclaimed awards and released their reservations", total);
        }
    }
}
