package dev.moments.adapter.messaging.events;

import java.time.Duration;

/**
 * The pauses of a consumer that waits for the database or the broker to come back: 0.2 s first, then twice as long
 * each time, at most 30 s. One per wait.
 */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    private Duration next = FIRST;

    /** The pause {@link #pause} takes next. */
    Duration next() {
        return next;
    }

    /**
     * Sleeps the next pause, then doubles it.
     *
     * @throws IllegalStateException when interrupted (the interrupt flag set again)
     */
    void pause() {
        try {
            Thread.sleep(next.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
    }
}
