package dev.moments.application.port.in;

import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner signs in to the console with one of its API keys, uses the console under the session that opens, and
 * signs out. A session is bound to the key it was opened with: revoking the key ends it.
 */
public interface ConsoleSessionUseCase {

    /**
     * Opens a session for the partner owning this active key.
     *
     * @return the new session, with its id shown this once; empty for a wrong, unknown or revoked key
     */
    Optional<OpenedSession> signIn(String apiKey);

    /**
     * The session with this id, while it lasts: empty for an unknown id, a session past its expiry or signed out, or
     * one whose key has been revoked since (such a session is ended on the way).
     */
    Optional<ConsoleSession> resume(String sessionId);

    /** Ends the session with this id; nothing happens for an unknown one. */
    void signOut(String sessionId);

    /**
     * A live session.
     *
     * @param csrfToken the token every form of the session carries (the synchronizer token against cross-site posts)
     * @param keyId the API key the session was opened with, or {@code null} when not told
     */
    record ConsoleSession(PartnerId partnerId, String csrfToken, Instant expiresAt, ApiKeyId keyId) {

        public ConsoleSession {
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /** A session of an unnamed key. */
        public ConsoleSession(PartnerId partnerId, String csrfToken, Instant expiresAt) {
            this(partnerId, csrfToken, expiresAt, null);
        }

        /** Who acts through the session, as the audit log names them: {@code console:<api key id>}. */
        public String actor() {
            return keyId == null ? "console" : "console:" + keyId.value();
        }
    }

    /**
     * A session just opened, and its secret id: the browser's cookie, stored by the service only as a digest.
     *
     * @param lifetime how long the session lasts from now (the cookie's {@code Max-Age})
     */
    record OpenedSession(String sessionId, ConsoleSession session, Duration lifetime) {

        public OpenedSession {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }
}
