package dev.moments.bootstrap;

import dev.moments.application.port.out.Clock;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock for the test profiles that enable it ({@code getEnabledAlternatives}): the real time, moved
 * ahead by whatever a test says, so a test can let a day pass in an instant. Every other test keeps the system clock.
 */
@Alternative
@Singleton
public class ShiftedClock implements Clock {

    private volatile Duration shift = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(shift).truncatedTo(ChronoUnit.MICROS);
    }

    /** From now on the service is {@code by} ahead of the real time (in addition to any earlier shift). */
    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    /** Back to the real time. */
    public void reset() {
        shift = Duration.ZERO;
    }
}
