package dev.moments.application.service;

import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.ConsoleSessionUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.ConsoleSessions;
import dev.moments.application.port.out.ConsoleSessions.StoredSession;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import dev.moments.domain.shared.Digests;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's sessions: opened with an API key checked as the API checks it ({@link AuthenticatePartnerUseCase}),
 * identified by 256 random bits of which only the SHA-256 digest is stored, each with its own CSRF token, and ended by
 * sign-out, by expiry or by the revocation of its key (checked whenever it is used).
 */
public final class ConsoleSessionService implements ConsoleSessionUseCase {

    /** Random bytes of a session id and of a CSRF token: 256 bits. */
    private static final int SECRET_BYTES = 32;
    /** The longest session id accepted: base64url of 32 bytes is 43 characters. */
    private static final int MAX_ID_LENGTH = 64;
    /** Expired sessions forgotten at each sign-in, so the table does not grow without a job. */
    private static final int EXPIRED_PER_SIGN_IN = 100;

    private final AuthenticatePartnerUseCase authentication;
    private final PartnerRepository partners;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private final Transactions transactions;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    /** @param lifetime how long a session lasts after sign-in */
    public ConsoleSessionService(AuthenticatePartnerUseCase authentication, PartnerRepository partners,
                                 ConsoleSessions sessions, Clock clock, TransactionRunner transactions,
                                 Duration lifetime) {
        this.authentication = authentication;
        this.partners = partners;
        this.sessions = sessions;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a console session must last some time");
        }
    }

    @Override
    public Optional<OpenedSession> signIn(String apiKey) {
        Optional<PartnerId> partner = authentication.authenticate(apiKey);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        return transactions.run(() -> {
            Optional<ApiKey> key = partners.findKeyByDigest(ApiKeyDigest.of(apiKey))
                    .filter(ApiKey::isActive)
                    .filter(found -> found.partnerId().equals(partner.get()))
                    .filter(found -> found.scopes().containsAll(Scope.ALL)); // the console reads and changes all
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.now();
            sessions.deleteExpired(now, EXPIRED_PER_SIGN_IN);
            String id = newSecret();
            ConsoleSession session = new ConsoleSession(partner.get(), newSecret(), now.plus(lifetime),
                    key.get().id());
            sessions.insert(new StoredSession(Digests.sha256Hex(id), session.partnerId(), key.get().id(),
                    session.csrfToken(), now, session.expiresAt()));
            return Optional.of(new OpenedSession(id, session, lifetime));
        });
    }

    @Override
    public Optional<ConsoleSession> resume(String sessionId) {
        if (!wellFormed(sessionId)) {
            return Optional.empty();
        }
        String digest = Digests.sha256Hex(sessionId);
        return transactions.run(() -> {
            Optional<StoredSession> stored = sessions.find(digest);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            StoredSession session = stored.get();
            boolean keyActive = partners.findKey(session.partnerId(), session.apiKeyId())
                    .filter(ApiKey::isActive).isPresent();
            if (!keyActive || !clock.now().isBefore(session.expiresAt())) {
                sessions.delete(digest);
                return Optional.empty();
            }
            return Optional.of(new ConsoleSession(session.partnerId(), session.csrfToken(), session.expiresAt(),
                    session.apiKeyId()));
        });
    }

    @Override
    public void signOut(String sessionId) {
        if (!wellFormed(sessionId)) {
            return;
        }
        transactions.run(() -> {
            sessions.delete(Digests.sha256Hex(sessionId));
            return null;
        });
    }

    private static boolean wellFormed(String sessionId) {
        return sessionId != null && !sessionId.isBlank() && sessionId.length() <= MAX_ID_LENGTH;
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
