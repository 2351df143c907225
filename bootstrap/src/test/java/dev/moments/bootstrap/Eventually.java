package dev.moments.bootstrap;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what the service does after it answered (a claim's submission runs in the background): polls until the
 * condition holds, and fails with what it saw last when it does not within a generous deadline. The deadline only
 * stops a broken test; no assertion depends on how long anything took.
 */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    private Eventually() {
    }

    /** The first value of {@code probe} that passes {@code done}. */
    static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            T seen = probe.get();
            if (done.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " did not happen within " + DEADLINE + "; last seen: " + seen);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
