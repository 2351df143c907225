package dev.moments.domain.webhook;

/** Where a delivery of one event to one endpoint stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (the first, or a retry after a failure). */
    PENDING,
    /** An attempt was answered with a 2xx within the timeout. */
    DELIVERED,
    /** Every attempt of the retry schedule failed; only a manual retry sends it again. */
    FAILED
}
