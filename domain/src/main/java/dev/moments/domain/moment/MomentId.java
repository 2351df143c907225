package dev.moments.domain.moment;

import java.util.Objects;

/** Identifies a moment. Opaque; chosen by the server with the prefix {@code mom_}. */
public record MomentId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "mom_";

    public MomentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new dev.moments.domain.shared.InvalidValueException("id", "MomentId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
