package dev.moments.application.port.out;

import java.time.Instant;

/** Tells the time. Nothing in the core reads the system clock itself, so tests can fix or move time. */
@FunctionalInterface
public interface Clock {

    Instant now();
}
