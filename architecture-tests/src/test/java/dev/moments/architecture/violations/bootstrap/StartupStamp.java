package dev.moments.architecture.violations.bootstrap;

import java.security.SecureRandom;
import java.time.Instant;

/** Violates native rule 1: a seed and a start time computed while the class is initialized. */
public final class StartupStamp {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant STARTED = Instant.now();

    private StartupStamp() {
    }
}
