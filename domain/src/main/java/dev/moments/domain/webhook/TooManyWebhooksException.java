package dev.moments.domain.webhook;

import dev.moments.domain.shared.DomainException;

/** A partner already has as many endpoints as allowed. */
public final class TooManyWebhooksException extends DomainException {

    public TooManyWebhooksException(int max) {
        super("a partner has at most " + max + " webhook endpoints; delete one first");
    }

    @Override
    public String code() {
        return "too-many-webhooks";
    }
}
