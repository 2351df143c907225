package dev.moments.application.port.out;

import dev.moments.application.port.RecordedResponse;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps, per scope (a partner, or the operators) and idempotency key, the fingerprint of the creating request that
 * first used the key and the response it got. Every method runs in the caller's transaction.
 *
 * <p>A key is claimed and completed in the transaction of the creation it guards: the claim holds the key until that
 * transaction ends, so a concurrent claim of the same key waits, then finds the committed response; a rollback (the
 * creation failed) leaves the key free, as if it had never been sent.
 */
public interface IdempotencyKeys {

    /** What an earlier request left under a key: its fingerprint and its response. */
    record Used(String fingerprint, RecordedResponse response) {

        public Used {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Claims the key for the calling transaction. Empty when the key was free: it is now this transaction's, and the
     * caller stores its response with {@link #complete} before the commit. Otherwise what a committed transaction left
     * under the key (whatever the fingerprint). While another transaction holds the key, this waits for its end.
     */
    Optional<Used> claim(String scope, String key, String fingerprint, Instant now);

    /** Stores the response of the request that claimed the key in the calling transaction. */
    void complete(String scope, String key, RecordedResponse response);

    /**
     * Forgets at most {@code limit} keys claimed before {@code before}, skipping keys another transaction holds (so
     * instances forgetting at once do not wait for each other), and answers how many it forgot.
     */
    int forgetClaimedBefore(Instant before, int limit);
}
