package dev.moments.domain.points;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Objects;

/** Identifies a partner's badge. Opaque; chosen by the server with the prefix {@code bdg_}. */
public record BadgeId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "bdg_";

    public BadgeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidValueException("id", "BadgeId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
