package dev.moments.domain.reward;

import java.util.Objects;

/** Identifies a reward in a partner's catalog. Opaque; chosen by the server with the prefix {@code rwd_}. */
public record RewardId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "rwd_";

    public RewardId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new dev.moments.domain.shared.InvalidValueException("id", "RewardId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
