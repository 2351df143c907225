package dev.moments.application.port.in;

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
     */
    record ConsoleSession(PartnerId partnerId, String csrfToken, Instant expiresAt) {

        public ConsoleSession {
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
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
