package dev.moments.domain.partner;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One API key of a partner, as stored: only the digest of the secret is kept, so a leaked table reveals no key.
 *
 * @param revokedAt when the key was revoked, or {@code null} while it is valid
 * @param scopes what the key may do, at least one scope
 * @param lastUsedAt when a request last authenticated with it, to within a few minutes; {@code null} if never
 */
public record ApiKey(ApiKeyId id, PartnerId partnerId, ApiKeyDigest digest, Instant createdAt, Instant revokedAt,
                     Set<Scope> scopes, Instant lastUsedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidValueException("scopes", "a key has at least one scope");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    /** A key that may do everything, never used yet. */
    public ApiKey(ApiKeyId id, PartnerId partnerId, ApiKeyDigest digest, Instant createdAt, Instant revokedAt) {
        this(id, partnerId, digest, createdAt, revokedAt, Scope.ALL, null);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Whether the key may do what {@code scope} allows. */
    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }

    /** This key, revoked at the given time; revoking twice keeps the first time. */
    public ApiKey revokedAt(Instant when) {
        return revokedAt != null ? this : new ApiKey(id, partnerId, digest, createdAt, when, scopes, lastUsedAt);
    }
}
