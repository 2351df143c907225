package dev.moments.domain.points;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Objects;

/** Identifies a partner's point rule. Opaque; chosen by the server with the prefix {@code prl_}. */
public record PointRuleId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "prl_";

    public PointRuleId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidValueException("id", "PointRuleId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
