package dev.moments.bootstrap;

import dev.moments.application.port.out.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The real time, at the microsecond precision PostgreSQL keeps. */
final class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
