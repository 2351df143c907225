package dev.moments.bootstrap.ratelimit;

import dev.moments.bootstrap.MomentsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies the {@link RateLimiter} to every HTTP request before anything else runs: a Vert.x route of its own, ahead of
 * the Quarkus REST handler that serves both the REST adapter ({@code /v1}, {@code /admin}, {@code /api/redeem}) and
 * the web adapter ({@code /r}), so neither adapter knows of limits nor of the other. A refused request gets a 429
 * problem with {@code Retry-After} here and never reaches a resource.
 */
@Singleton
public class RateLimitRoute {

    /** Before every other route Quarkus may add, the body handler included: a refused body is never read. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1;

    /** Buckets each limit keeps at most (a few hundred bytes each); beyond, Caffeine drops the least valuable. */
    static final long MAX_BUCKETS_PER_LIMIT = 50_000;

    private static final Logger LOG = Logger.getLogger(RateLimitRoute.class);
    private static final String BEARER = "Bearer ";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final RateLimiter limiter;

    RateLimitRoute(MomentsConfig config) {
        MomentsConfig.RateLimit limits = config.rateLimit();
        this.limiter = new RateLimiter(limits.perKey(), limits.publicPerIp(), limits.unauthenticatedPerIp(),
                MAX_BUCKETS_PER_LIMIT, System::nanoTime);
        LOG.infof("Rate limits of this instance: per API key %s, per client address on the redemption endpoints %s, "
                + "answers 401 per client address %s", limits.perKey(), limits.publicPerIp(),
                limits.unauthenticatedPerIp());
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        PathKind kind = PathKind.of(context.normalizedPath());
        Optional<RateLimiter.Refusal> refusal = kind == PathKind.PUBLIC
                ? limiter.chargePublic(clientAddress(context))
                : limitByCredentials(context, kind);
        if (refusal.isPresent()) {
            refuse(context, refusal.get());
        } else {
            context.next();
        }
    }

    /**
     * On {@code /v1}, {@code /admin} and {@code /callbacks} an address that has had too many answers 401 is refused
     * whatever it sends (but a key already served), and a partner key pays one request of its bucket. On every path but the public ones an answer 401 is charged
     * to the address when its headers are written (so a spelling of a path that this class does not recognise still
     * pays for its 401s).
     */
    private Optional<RateLimiter.Refusal> limitByCredentials(RoutingContext context, PathKind kind) {
        String address = clientAddress(context);
        String keyId = kind == PathKind.PARTNER ? bearer(context).map(RateLimiter::keyId).orElse(null) : null;
        // a key that has already been served (its bucket exists: a wrong key's is dropped at its 401) is not held
        // back by the wrong guesses of others behind the same address
        if (kind != PathKind.OTHER && (keyId == null || !limiter.isKnownKey(keyId))) {
            Optional<RateLimiter.Refusal> refusal = limiter.checkCredentialAttempts(address);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (kind == PathKind.PARTNER) {
            Optional<RateLimiter.Refusal> refusal = keyId == null ? Optional.empty() : limiter.chargeKey(keyId);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        String chargedKeyId = keyId;
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                limiter.chargeFailedCredentials(address, chargedKeyId);
            }
        });
        return Optional.empty();
    }

    /** What a path is to the limits, read by its first segments as Quarkus REST matches them. */
    enum PathKind {
        /** {@code /api/redeem/**} and {@code /r/**}: one bucket per client address for both. */
        PUBLIC,
        /** {@code /v1/**}: a partner API key. */
        PARTNER,
        /** {@code /admin/**}: the admin token. */
        ADMIN,
        /** {@code /callbacks/**}: signed by a reward provider; a wrong signature is a 401 like a wrong key. */
        CALLBACK,
        /** Anything else: health, OpenAPI, the page's assets. */
        OTHER;

        /**
         * The kind of a path already normalised by Vert.x (dot segments removed, unreserved characters decoded).
         * Empty segments and matrix parameters ({@code ;x=1}) are skipped as the REST layer skips them, so
         * {@code //v1;x/events} is a partner path too.
         */
        static PathKind of(String path) {
            String first = null;
            String second = null;
            int start = 0;
            int length = path == null ? 0 : path.length();
            while (start < length && second == null) {
                int end = path.indexOf('/', start);
                if (end < 0) {
                    end = length;
                }
                int matrix = path.indexOf(';', start);
                String segment = path.substring(start, matrix >= 0 && matrix < end ? matrix : end);
                if (!segment.isEmpty() || (matrix >= 0 && matrix < end)) {
                    if (first == null) {
                        first = segment;
                    } else {
                        second = segment;
                    }
                }
                start = end + 1;
            }
            if ("r".equals(first) || ("api".equals(first) && "redeem".equals(second))) {
                return PUBLIC;
            }
            if ("v1".equals(first)) {
                return PARTNER;
            }
            if ("callbacks".equals(first)) {
                return CALLBACK;
            }
            return "admin".equals(first) ? ADMIN : OTHER;
        }
    }

    private static String clientAddress(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress(); // the forwarded one if quarkus.http.proxy.* says so
        if (remote == null) {
            return ClientAddress.bucketOf(null);
        }
        return ClientAddress.bucketOf(remote.hostAddress() != null ? remote.hostAddress() : remote.host());
    }

    private static Optional<String> bearer(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static void refuse(RoutingContext context, RateLimiter.Refusal refusal) {
        LOG.debugf("429: %s", refusal.limit()); // never the path: a redemption path holds its token
        String body = new JsonObject()
                .put("type", "/problems/rate-limited")
                .put("title", "Too Many Requests")
                .put("status", 429)
                .put("detail", refusal.detail())
                .encode();
        context.response()
                .setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body);
    }
}
