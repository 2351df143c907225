package dev.moments.bootstrap;

import dev.moments.application.port.out.BackgroundTasks;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The application's background work — a claim's submission to its provider, which may block a thread for seconds —
 * on a small pool of its own, so it neither delays the claim's answer nor takes the HTTP worker threads.
 *
 * <p>Nothing handed over here has to survive: a claim's delivery stays PENDING under the claim's lease until its
 * submission's answer is stored, and the retry job submits it once that lease is over. So the queue is bounded (a
 * task refused when it is full is logged and left to the retry job), and a shutdown does not wait for the queue: it
 * drops the tasks that have not started, gives the running ones {@link #SHUTDOWN_GRACE} to finish, then interrupts
 * them (the http provider answers an interrupted call as a failure that may pass, which keeps the delivery PENDING).
 */
@Singleton
public class ExecutorBackgroundTasks implements BackgroundTasks {

    /** How long a shutdown waits for the submissions under way before it interrupts them. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ExecutorBackgroundTasks.class);

    private final ThreadPoolExecutor executor;
    private final Duration grace;

    @Inject
    ExecutorBackgroundTasks(MomentsConfig config) {
        this(config.backgroundThreads(), config.backgroundQueue(), SHUTDOWN_GRACE);
    }

    ExecutorBackgroundTasks(int threads, int queue, Duration grace) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("moments.background-threads and moments.background-queue are at"
                    + " least 1");
        }
        this.grace = grace;
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue),
                new Named(), new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(String what, Runnable task) {
        try {
            executor.execute(new Task(what, task));
        } catch (RejectedExecutionException e) {
            LOG.warnf("%s was not started (%s); the retry job takes it up once its lease is over", what,
                    executor.isShutdown() ? "shutting down" : "too much work queued");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        shutdown();
    }

    /**
     * Stops taking work, drops what has not started, waits {@link #grace} for the rest, then interrupts it.
     *
     * @return what was dropped without running, by name
     */
    List<String> shutdown() {
        executor.shutdown();
        List<Runnable> queued = new ArrayList<>();
        executor.getQueue().drainTo(queued);
        List<String> dropped = queued.stream().map(task -> ((Task) task).what()).toList();
        if (!dropped.isEmpty()) {
            LOG.infof("Shutting down: %d background tasks not started, left to the retry job: %s", dropped.size(),
                    String.join(", ", dropped));
        }
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.infof("Shutting down: interrupting %d background tasks still running after %s; what they did not"
                        + " store is left to the retry job", executor.getActiveCount(), grace);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return dropped;
    }

    /** A task with its name, which logs its failure instead of losing it with the thread. */
    private record Task(String what, Runnable work) implements Runnable {

        @Override
        public void run() {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (%s); the retry job takes it up once its lease is over", what, e.toString());
            }
        }
    }

    /** Daemon threads named {@code moments-background-<n>}. */
    private static final class Named implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "moments-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
