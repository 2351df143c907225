package dev.moments.application.port.in;

/**
 * Expires awards not claimed within their moment's {@code claimWithin} and gives their reservations back; safe to
 * run on several instances at once.
 */
public interface ExpireAwardsUseCase {

    /** Expires up to {@code batchSize} due awards in one transaction; returns how many it expired. */
    int expireDue(int batchSize);
}
