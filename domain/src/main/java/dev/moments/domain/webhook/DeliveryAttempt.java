package dev.moments.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to deliver an event.
 *
 * @param statusCode the receiver's HTTP status, or {@code null} when none came (refused, timed out, not allowed)
 * @param durationMs from the start of the request to its answer or failure
 * @param error why the attempt failed, at most {@value #MAX_ERROR_LENGTH} characters; {@code null} on success
 */
public record DeliveryAttempt(Instant at, Integer statusCode, long durationMs, String error) {

    /** The longest error text kept. */
    public static final int MAX_ERROR_LENGTH = 500;

    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative");
        }
        error = shortened(error);
    }

    /** Whether the receiver took the event: a 2xx and no error. */
    public boolean succeeded() {
        return error == null && statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** At most {@link #MAX_ERROR_LENGTH} characters, without control characters (a receiver's text may carry any). */
    private static String shortened(String raw) {
        if (raw == null) {
            return null;
        }
        String error = raw.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (error.length() <= MAX_ERROR_LENGTH) {
            return error;
        }
        int end = MAX_ERROR_LENGTH - 1;
        if (Character.isHighSurrogate(error.charAt(end - 1))) {
            end--;
        }
        return error.substring(0, end) + "…";
    }
}
