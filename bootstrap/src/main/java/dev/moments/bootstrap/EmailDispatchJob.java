package dev.moments.bootstrap;

import dev.moments.application.port.in.DispatchEmailsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends the award e-mails that are due, a round every {@code moments.email.dispatch-interval}, on its own thread,
 * never in a request. Safe on several instances: e-mails are taken with SKIP LOCKED under a lease.
 */
@ApplicationScoped
public class EmailDispatchJob {

    private static final Logger LOG = Logger.getLogger(EmailDispatchJob.class);

    private final DispatchEmailsUseCase dispatch;
    private final int batch;

    public EmailDispatchJob(DispatchEmailsUseCase dispatch, EmailConfig config) {
        this.dispatch = dispatch;
        this.batch = config.dispatchBatch();
        if (batch < 1 || batch > 1_000) {
            throw new IllegalArgumentException("moments.email.dispatch-batch is from 1 to 1000, got " + batch);
        }
    }

    @Scheduled(every = "${moments.email.dispatch-interval:1s}", delayed = "${moments.email.dispatch-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int taken = Batches.whileFull(batch, OutboxRelayJob.ROUNDS, dispatch::dispatch);
            if (taken > 0) {
                LOG.debugf("took %d award e-mails", taken);
            }
        } catch (RuntimeException e) {
            LOG.warnf("the e-mail dispatch failed; what is due is taken again next turn: %s", e.toString());
        }
    }
}
