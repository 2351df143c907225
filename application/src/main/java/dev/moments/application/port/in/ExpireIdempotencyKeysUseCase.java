package dev.moments.application.port.in;

/** Forgets idempotency keys older than their retention; safe to run on several instances at once. */
public interface ExpireIdempotencyKeysUseCase {

    /** Forgets up to {@code batchSize} keys past the retention, in one transaction, and answers how many. */
    int forgetExpired(int batchSize);
}
