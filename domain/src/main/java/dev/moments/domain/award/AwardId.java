package dev.moments.domain.award;

import java.util.Objects;

/** Identifies an award: one completion of a moment by one user. Opaque; chosen by the server with the prefix {@code awd_}. */
public record AwardId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "awd_";

    public AwardId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new dev.moments.domain.shared.InvalidValueException("id", "AwardId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
