package dev.moments.domain.abuse;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Objects;

/** Identifies an entry of a partner's blocklist. Opaque; chosen by the server with the prefix {@code blk_}. */
public record BlockId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "blk_";

    public BlockId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidValueException("id", "BlockId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
