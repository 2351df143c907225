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
        String path = context.normalizedPath();
        Optional<RateLimiter.Refusal> refusal;
        if (isPublic(path)) {
            refusal = limiter.chargePublic(clientAddress(context));
        } else if (isCredentialed(path)) {
            refusal = limitCredentialed(context, path);
        } else {
            refusal = Optional.empty();
        }
        if (refusal.isPresent()) {
            refuse(context, refusal.get());
        } else {
            context.next();
        }
    }

    /**
     * An address that has had too many answers 401 is refused whatever it sends; otherwise a partner key pays one
     * request of its bucket, and an answer 401 is charged to the address when its headers are written.
     */
    private Optional<RateLimiter.Refusal> limitCredentialed(RoutingContext context, String path) {
        String address = clientAddress(context);
        Optional<RateLimiter.Refusal> refusal = limiter.checkCredentialAttempts(address);
        if (refusal.isPresent()) {
            return refusal;
        }
        String keyId = isPartnerPath(path) ? bearer(context).map(RateLimiter::keyId).orElse(null) : null;
        if (keyId != null) {
            refusal = limiter.chargeKey(keyId);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                limiter.chargeFailedCredentials(address, keyId);
            }
        });
        return Optional.empty();
    }

    /** The redemption API and page: one bucket per client address for both. */
    static boolean isPublic(String path) {
        return under(path, "/api/redeem") || under(path, "/r");
    }

    /** The paths AuthenticationFilter guards with a partner key or the admin token. */
    static boolean isCredentialed(String path) {
        return isPartnerPath(path) || under(path, "/admin");
    }

    private static boolean isPartnerPath(String path) {
        return under(path, "/v1");
    }

    private static boolean under(String path, String prefix) {
        return path != null && path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
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
                .end(body);
    }
}
