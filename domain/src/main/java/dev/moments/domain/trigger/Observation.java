package dev.moments.domain.trigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One matching event as a windowed trigger remembers it.
 *
 * @param amount the summed property, for {@code sum}; {@code null} otherwise
 * @param steps for {@code sequence}, the bit set of the steps the event matches; 0 otherwise
 */
public record Observation(Instant at, BigDecimal amount, int steps) {

    public Observation {
        Objects.requireNonNull(at, "at");
    }
}
