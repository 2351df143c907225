package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/** The resource does not exist for this partner (or belongs to another, which looks the same). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    @Override
    public String code() {
        return "not-found";
    }
}
