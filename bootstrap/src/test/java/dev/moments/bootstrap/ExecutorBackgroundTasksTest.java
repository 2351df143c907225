package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The background pool's promises: work runs on its own threads, refused work never fails the caller, and a shutdown
 * drops what has not started and interrupts what is still running after the grace period (the retry job takes both
 * up, see docs/fulfillment.md).
 */
class ExecutorBackgroundTasksTest {

    private static final long WAIT_SECONDS = 30;

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorBackgroundTasks tasks;

    @AfterEach
    void stop() {
        release.countDown();
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    /** A task that records its name, after waiting for the test to release it if {@code blocking}. */
    private Runnable task(String name, boolean blocking, CountDownLatch started, CountDownLatch finished) {
        return () -> {
            started.countDown();
            try {
                if (blocking && !release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    return;
                }
                ran.add(name + " on " + Thread.currentThread().getName());
            } catch (InterruptedException e) {
                ran.add(name + " interrupted");
                Thread.currentThread().interrupt();
            } finally {
                finished.countDown();
            }
        };
    }

    @Test
    void workRunsOnTheBackgroundThreads_andAFailureStaysThere() throws Exception {
        tasks = new ExecutorBackgroundTasks(2, 10, Duration.ofSeconds(5));
        CountDownLatch finished = new CountDownLatch(1);

        tasks.execute("a failing task", () -> {
            throw new IllegalStateException("boom");
        });
        tasks.execute("a task", task("a task", false, new CountDownLatch(1), finished));

        assertThat(finished.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).singleElement().asString().startsWith("a task on moments-background-");
    }

    @Test
    void workBeyondTheQueueIsRefusedWithoutFailingTheCaller() throws Exception {
        tasks = new ExecutorBackgroundTasks(1, 1, Duration.ofSeconds(5));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);

        tasks.execute("running", task("running", true, started, finished));
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        tasks.execute("queued", task("queued", false, new CountDownLatch(1), finished));
        tasks.execute("refused", task("refused", false, new CountDownLatch(1), new CountDownLatch(1)));
        release.countDown();

        assertThat(finished.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).extracting(line -> line.substring(0, line.indexOf(' '))).containsExactly("running", "queued");
    }

    @Test
    void aShutdownDropsWhatHasNotStarted_andInterruptsWhatStillRunsAfterTheGrace() throws Exception {
        tasks = new ExecutorBackgroundTasks(1, 10, Duration.ofMillis(200));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        tasks.execute("the submission of award awd_1", task("awd_1", true, started, finished));
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        tasks.execute("the submission of award awd_2", task("awd_2", false, new CountDownLatch(1),
                new CountDownLatch(1)));
        tasks.execute("the submission of award awd_3", task("awd_3", false, new CountDownLatch(1),
                new CountDownLatch(1)));

        List<String> dropped = tasks.shutdown();

        assertThat(dropped).containsExactly("the submission of award awd_2", "the submission of award awd_3");
        assertThat(finished.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("awd_1 interrupted");
        tasks.execute("after the shutdown", () -> ran.add("after the shutdown"));
        assertThat(ran).containsExactly("awd_1 interrupted");
    }
}
