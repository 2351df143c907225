package dev.moments.adapter.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The redemption page's own style sheet, script and placeholder picture ({@code gift.svg}), served by the app (no CDN): a fixed list of files from
 * {@code web-assets/} on the class path. Open to anyone ({@code @PermitAll}): no API key is asked for. Not part
 * of the API: hidden from the OpenAPI document.
 */
@PermitAll
@Path("/r-assets/{name}")
public class RedemptionAssets {

    private static final Map<String, String> TYPES = Map.of(
            "redeem.css", "text/css;charset=UTF-8",
            "redeem.js", "text/javascript;charset=UTF-8",
            "gift.svg", "image/svg+xml");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @GET
    @Operation(hidden = true)
    public Response asset(@RestPath String name) {
        String type = TYPES.get(name);
        if (type == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        byte[] body = cache.computeIfAbsent(name, RedemptionAssets::read);
        return Response.ok(body, type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = RedemptionAssets.class.getResourceAsStream("/web-assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset web-assets/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
