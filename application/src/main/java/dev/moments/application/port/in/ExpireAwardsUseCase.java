package dev.moments.application.port.in;

import java.util.List;

/**
 * Expires awards not claimed within their moment's {@code claimWithin} and gives their reservations back; safe to
 * run on several instances at once.
 */
public interface ExpireAwardsUseCase {

    /**
     * Expires up to {@code batchSize} due awards, in one transaction. If that transaction fails, the same awards are
     * expired one per transaction instead, so an award that cannot be expired (its release fails) stays behind alone
     * and is reported, instead of holding back every award due with it, run after run.
     */
    Expiry expireDue(int batchSize);

    /**
     * What one call did.
     *
     * @param expired how many awards it expired
     * @param failures the awards it could not expire, each with why
     */
    record Expiry(int expired, List<String> failures) {

        public Expiry {
            failures = List.copyOf(failures);
        }
    }
}
