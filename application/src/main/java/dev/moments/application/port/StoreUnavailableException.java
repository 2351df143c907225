package dev.moments.application.port;

/**
 * The store cannot be used now: the database is unreachable or restarting, or no connection came free in time.
 * Whatever the failed unit of work wrote was rolled back; the same request sent again later succeeds.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
