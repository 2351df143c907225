package dev.moments.testkit;

import dev.moments.application.fixtures.InMemoryMoments;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time of a {@link MomentsTestEngine}: still until the test moves it. Moving it does what the service's jobs do
 * meanwhile: awards left unclaimed past their moment's {@code claimWithin} expire and their reservations are released.
 * Times are kept to the microsecond, as the service stores them.
 */
public final class TestClock {

    /** How many awards one pass of the expiry takes, as the service's job does. */
    private static final int EXPIRY_BATCH = 500;

    private final InMemoryMoments core;

    TestClock(InMemoryMoments core) {
        this.core = core;
    }

    /** The engine's current time. */
    public Instant now() {
        return core.clock.now();
    }

    /**
     * Moves the time forward by {@code duration}, then expires what is due.
     *
     * @throws IllegalArgumentException for a negative duration: time does not go back
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + duration);
        }
        core.clock.advance(duration);
        expireDue();
    }

    /**
     * Moves the time forward to {@code instant}, then expires what is due.
     *
     * @throws IllegalArgumentException for an instant before {@link #now()}
     */
    public void set(Instant instant) {
        if (instant.truncatedTo(ChronoUnit.MICROS).isBefore(now())) {
            throw new IllegalArgumentException("the clock only moves forward: " + instant + " is before " + now());
        }
        core.clock.set(instant);
        expireDue();
    }

    private void expireDue() {
        while (core.expireAwards.expireDue(EXPIRY_BATCH).expired() == EXPIRY_BATCH) {
            // a full batch: there may be more due
        }
    }
}
