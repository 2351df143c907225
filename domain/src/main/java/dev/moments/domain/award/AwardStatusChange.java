package dev.moments.domain.award;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an award's history: the status it moved to, when, and why (a reason is given for the moves that need
 * one: a cancellation, an expiry, a failed delivery).
 */
public record AwardStatusChange(AwardStatus status, Instant at, String reason) {

    public AwardStatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
