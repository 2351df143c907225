package dev.moments.application.port.out;

import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Keeps the console's sessions, each under the SHA-256 digest of its id. Every method runs in the caller's transaction. */
public interface ConsoleSessions {

    /**
     * A session as stored.
     *
     * @param digest the lower-case hex SHA-256 digest of the session id (the id itself is never stored)
     * @param apiKeyId the key the partner signed in with
     */
    record StoredSession(String digest, PartnerId partnerId, ApiKeyId apiKeyId, String csrfToken, Instant createdAt,
                         Instant expiresAt) {

        public StoredSession {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(apiKeyId, "apiKeyId");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    void insert(StoredSession session);

    Optional<StoredSession> find(String digest);

    /** Forgets a session; nothing happens for an unknown digest. */
    void delete(String digest);

    /** Forgets at most {@code limit} sessions that expired before {@code now}, and answers how many. */
    int deleteExpired(Instant now, int limit);
}
