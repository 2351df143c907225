package dev.moments.domain.partner;

import dev.moments.domain.shared.Digests;
import java.util.Objects;

/**
 * The SHA-256 digest (lower-case hex) of an API key. Keys are long random strings, so a fast digest is enough and
 * a request is authenticated by one indexed lookup.
 */
public record ApiKeyDigest(String hex) {

    public ApiKeyDigest {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    /** The digest of a plain key as presented by a caller. */
    public static ApiKeyDigest of(String plainKey) {
        return new ApiKeyDigest(Digests.sha256Hex(plainKey));
    }
}
