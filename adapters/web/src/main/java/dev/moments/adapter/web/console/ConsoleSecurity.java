package dev.moments.adapter.web.console;

import dev.moments.adapter.web.SameOriginPolicy;
import dev.moments.application.port.in.ConsoleSessionUseCase;
import dev.moments.application.port.in.ConsoleSessionUseCase.ConsoleSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * Who is signed in to the console and whether a form post is genuine. The session lives in one cookie,
 * {@value #COOKIE}: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page sends it),
 * {@code Path=/console}, and {@code Secure} when the request came over TLS (as Quarkus sees it, behind a proxy too
 * when forwarding is configured). Every form carries the session's synchronizer token, compared in constant time;
 * the origin of the post is checked as the redemption page checks it ({@link SameOriginPolicy}).
 */
@ApplicationScoped
class ConsoleSecurity {

    static final String COOKIE = "moments_console";
    static final String CSRF_FIELD = "csrf";

    private final ConsoleSessionUseCase sessions;
    private final SameOriginPolicy sameOrigin;

    ConsoleSecurity(ConsoleSessionUseCase sessions, SameOriginPolicy sameOrigin) {
        this.sessions = sessions;
        this.sameOrigin = sameOrigin;
    }

    /** The session the request's cookie names, while it lasts. */
    Optional<ConsoleSession> session(HttpHeaders headers) {
        return sessionId(headers).flatMap(sessions::resume);
    }

    Optional<String> sessionId(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie == null || cookie.getValue() == null || cookie.getValue().isBlank() ? Optional.empty()
                : Optional.of(cookie.getValue());
    }

    /** Whether a form post must be refused: from another site, or without the session's token. */
    boolean forged(HttpHeaders headers, ConsoleSession session, String csrf) {
        return sameOrigin.isCrossSite(headers) || csrf == null
                || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a post must be refused for its origin alone (the sign-in, before any session). */
    boolean crossSite(HttpHeaders headers) {
        return sameOrigin.isCrossSite(headers);
    }

    /** The {@code Set-Cookie} value of a new session. */
    static String cookie(String sessionId, Duration lifetime, UriInfo uri) {
        long seconds = Math.max(0, lifetime.getSeconds() + (lifetime.getNano() > 0 ? 1 : 0));
        return COOKIE + "=" + sessionId + "; Path=/console; Max-Age=" + seconds + "; HttpOnly; SameSite=Strict"
                + (secure(uri) ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session's cookie. */
    static String expiredCookie(UriInfo uri) {
        return COOKIE + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(uri) ? "; Secure" : "");
    }

    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
