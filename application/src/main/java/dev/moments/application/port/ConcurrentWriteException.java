package dev.moments.application.port;

/** A transaction lost a race with a concurrent one and was rolled back; running it again is safe. */
public final class ConcurrentWriteException extends RuntimeException {

    public ConcurrentWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
