package dev.moments.adapter.fulfillment.http;

/**
 * The provider could not take the order this time (5xx, 408, 429, refused credentials, unreachable, a conflict it
 * could not explain yet): retried at once a few times, counted by the circuit breaker, and finally answered as a
 * retryable failure.
 */
final class ProviderUnavailableException extends RuntimeException {

    ProviderUnavailableException(String message) {
        super(message, null, false, false);
    }
}
