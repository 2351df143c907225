package dev.moments.bootstrap;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Refuses, before a byte of it is read, a body larger than its operation can need: 1 MiB for every operation but the
 * two that take many items at once (a batch of up to 1,000 events, up to 10,000 pool codes), which keep the
 * service-wide {@code quarkus.http.limits.max-body-size} (10 MB). The largest moment the model accepts is about
 * 100 KB, so a 10 MB definition is hostile and is answered 413 without being parsed.
 */
@Singleton
public class BodySizeRoute {

    /** The largest body of an ordinary operation. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    /** Before the body handler, like the rate limits. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(BodySizeRoute::check);
    }

    private static void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || takesManyItems(context.normalizedPath()) || !exceeds(length)) {
            context.next();
            return;
        }
        String body = new JsonObject()
                .put("type", "/problems/body-too-large")
                .put("title", "Content Too Large")
                .put("status", 413)
                .put("detail", "this operation takes a body of at most " + MAX_BODY_BYTES + " bytes; only"
                        + " /v1/events/batch and /v1/rewards/{id}/codes take more")
                .encode();
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static boolean takesManyItems(String path) {
        return path != null && (path.endsWith("/events/batch") || path.endsWith("/codes"));
    }

    private static boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP layer refuses it
        }
    }
}
