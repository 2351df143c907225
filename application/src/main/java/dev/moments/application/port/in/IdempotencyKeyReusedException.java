package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/** The idempotency key was already used for another request (another body, path or method): nothing was done. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request (another body or path); nothing was"
                + " done: send a new key for a new request, or the first request unchanged to get its response again");
    }

    @Override
    public String code() {
        return "idempotency-key-reused";
    }
}
