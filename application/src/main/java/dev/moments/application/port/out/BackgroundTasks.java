package dev.moments.application.port.out;

/**
 * Runs work on another thread, after the caller has answered: what a user should not wait for, such as placing a
 * claimed reward's order with an external provider.
 *
 * <p>Work handed over here may never run, or be cut short: refused when too much is queued, dropped or interrupted
 * when the service shuts down, lost in a crash. So a caller hands over only work that something else picks up again
 * when it is lost (a claim's submission: the retry job, once the claim's lease on the delivery is over). An
 * implementation never throws for refused work; it says so in the log.
 */
public interface BackgroundTasks {

    /**
     * Runs {@code task} soon, on another thread.
     *
     * @param what names the work in logs: ids only, never personal data or secrets
     */
    void execute(String what, Runnable task);
}
