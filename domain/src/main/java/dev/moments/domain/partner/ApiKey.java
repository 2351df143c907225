package dev.moments.domain.partner;

import java.time.Instant;
import java.util.Objects;

/**
 * One API key of a partner, as stored: only the digest of the secret is kept, so a leaked table reveals no key.
 *
 * @param revokedAt when the key was revoked, or {@code null} while it is valid
 */
public record ApiKey(ApiKeyId id, PartnerId partnerId, ApiKeyDigest digest, Instant createdAt, Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** This key, revoked at the given time; revoking twice keeps the first time. */
    public ApiKey revokedAt(Instant when) {
        return revokedAt != null ? this : new ApiKey(id, partnerId, digest, createdAt, when);
    }
}
