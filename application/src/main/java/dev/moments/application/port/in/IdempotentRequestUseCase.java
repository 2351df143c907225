package dev.moments.application.port.in;

import dev.moments.application.port.RecordedResponse;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a creating request at most once per idempotency key: a retry with the same key and the same request gets the
 * first response again, another request under the key is refused, and concurrent retries create exactly once.
 */
public interface IdempotentRequestUseCase {

    /** The longest key accepted (the header's value, 1 to 255 visible ASCII characters). */
    int MAX_KEY_LENGTH = 255;

    /**
     * One request under a key.
     *
     * @param scope whose keys these are: a partner's id, or the operators' one scope; keys of different scopes never
     *              meet
     * @param key the client's idempotency key
     * @param fingerprint a digest of the request (method, path, body in a canonical form): equal for a retry of the
     *                    same request, different for any other
     */
    record IdempotentRequest(String scope, String key, String fingerprint) {

        public IdempotentRequest {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_KEY_LENGTH + " characters");
            }
        }
    }

    /** The response to send, and whether it replays the first response to the key. */
    record Outcome(RecordedResponse response, boolean replayed) {
    }

    /**
     * In one transaction: claims the key, then replays the response kept under it (same fingerprint), refuses the
     * request ({@link IdempotencyKeyReusedException}: another fingerprint), or runs {@code creation} — which joins the
     * transaction — and keeps its response under the key. A creation that fails (throws, or answers 4xx or 5xx) keeps
     * nothing: the transaction rolls back with the key, which may then be sent again with any request.
     *
     * @throws IdempotencyKeyReusedException when the key was used for another request
     * @throws IdempotentReplayUnavailableException when the first response can no longer be read
     */
    Outcome handle(IdempotentRequest request, Supplier<RecordedResponse> creation);
}
