package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/**
 * The request was already done under its idempotency key, but its response can no longer be shown: it is kept
 * sealed, and the key that sealed it is gone (the service restarted without a configured token key).
 */
public final class IdempotentReplayUnavailableException extends DomainException {

    public IdempotentReplayUnavailableException() {
        super("this request was already done under its Idempotency-Key, but its response can no longer be shown (the"
                + " service's token key changed since); nothing was done again: look the result up, or use a new key");
    }

    @Override
    public String code() {
        return "idempotency-replay-unavailable";
    }
}
