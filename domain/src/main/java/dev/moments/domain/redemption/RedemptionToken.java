package dev.moments.domain.redemption;

import dev.moments.domain.shared.Digests;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret in a redemption link: 256 bits from a CSPRNG, URL-safe. Whoever holds it may claim the award, so only
 * its {@link #digest()} is stored.
 */
public record RedemptionToken(String value) {

    /** The number of random bytes in a token. */
    public static final int BYTES = 32;

    public RedemptionToken {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("not a redemption token");
        }
    }

    /** A fresh token from the given CSPRNG. */
    public static RedemptionToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new RedemptionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether a string presented by a caller has the shape of a token; anything else is unknown at once. */
    public static boolean looksLikeOne(String candidate) {
        return candidate != null && candidate.matches("[A-Za-z0-9_-]{43}");
    }

    /** The SHA-256 digest under which the token is stored and looked up. */
    public String digest() {
        return Digests.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "RedemptionToken[redacted]";
    }
}
