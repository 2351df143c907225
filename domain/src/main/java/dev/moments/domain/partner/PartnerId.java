package dev.moments.domain.partner;

import java.util.Objects;

/** Identifies a partner, the tenant that owns moments, rewards and keys. Opaque; chosen by the server with the prefix {@code ptn_}. */
public record PartnerId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "ptn_";

    public PartnerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new dev.moments.domain.shared.InvalidValueException("id", "PartnerId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
