package dev.moments.domain.webhook;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's signing secret as the partner sees it once: {@code whsec_} followed by the base64 of the key (at least
 * 24 random bytes), the form Standard Webhooks' libraries take.
 */
public record WebhookSecret(String value) {

    /** The prefix of every secret. */
    public static final String PREFIX = "whsec_";

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 24;

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new InvalidValueException("secret", "a webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("secret", "a webhook secret is " + PREFIX + " and base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new InvalidValueException("secret", "a webhook secret holds at least " + MIN_KEY_BYTES + " bytes");
        }
    }

    /** The HMAC key: the base64-decoded part after the prefix. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    /** Never the secret itself, so it cannot leak through a log line. */
    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
