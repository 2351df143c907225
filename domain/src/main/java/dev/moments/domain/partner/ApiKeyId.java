package dev.moments.domain.partner;

import java.util.Objects;

/** Identifies one API key of a partner, so it can be revoked. Opaque; chosen by the server with the prefix {@code key_}. */
public record ApiKeyId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "key_";

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new dev.moments.domain.shared.InvalidValueException("id", "ApiKeyId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
