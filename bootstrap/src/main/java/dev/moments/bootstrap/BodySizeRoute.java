package dev.moments.bootstrap;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * Refuses, before a byte of it is read, a body larger than its operation can need: 1 MiB for every operation but the
 * two that take many items at once (a batch of up to 1,000 events, up to 10,000 pool codes), which keep the
 * service-wide {@code quarkus.http.limits.max-body-size} (10 MB). The largest moment the model accepts is about
 * 100 KB, so a 10 MB definition is hostile and is answered 413 without being parsed. Since only a declared length can
 * be judged before reading, every other operation requires one: a body sent in chunks without a
 * {@code Content-Length} is answered 411.
 */
@Singleton
public class BodySizeRoute {

    /** The largest body of an ordinary operation. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    /** Before the body handler, like the rate limits. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1;

    /** The two operations that take many items in one body, exactly as they are spelled. */
    private static final Pattern MANY_ITEMS = Pattern.compile("/v1/events/batch|/v1/rewards/[^/;]+/codes");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(BodySizeRoute::check);
    }

    private static void check(RoutingContext context) {
        if (mayHaveBody(context.request().method()) && !MANY_ITEMS.matcher(context.normalizedPath()).matches()) {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                refuse(context, 411, "Length Required", "length-required", "this operation takes a body with a"
                        + " Content-Length (at most " + MAX_BODY_BYTES + " bytes), not one sent in chunks");
                return;
            }
            if (length != null && exceeds(length)) {
                refuse(context, 413, "Content Too Large", "body-too-large", "this operation takes a body of at most "
                        + MAX_BODY_BYTES + " bytes; only /v1/events/batch and /v1/rewards/{id}/codes take more");
                return;
            }
        }
        context.next();
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method);
    }

    private static boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP layer refuses it
        }
    }

    private static void refuse(RoutingContext context, int status, String title, String code, String detail) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("type", "/problems/" + code).put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }
}
