package dev.moments.domain.webhook;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Objects;

/** Identifies a partner's webhook endpoint. Opaque; chosen by the server with the prefix {@code whk_}. */
public record WebhookId(String value) {

    /** The type prefix every such id starts with. */
    public static final String PREFIX = "whk_";

    public WebhookId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidValueException("id", "WebhookId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
