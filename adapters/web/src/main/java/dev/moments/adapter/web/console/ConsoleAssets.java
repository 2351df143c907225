package dev.moments.adapter.web.console;

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

/** The console's style sheet, served by the app from {@code web-assets/}. Open to anyone; hidden from the API. */
@PermitAll
@Path("/console/assets/{name}")
public class ConsoleAssets {

    private static final Map<String, String> TYPES = Map.of("console.css", "text/css;charset=UTF-8");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @GET
    @Operation(hidden = true)
    public Response asset(@RestPath String name) {
        String type = TYPES.get(name);
        if (type == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        byte[] body = cache.computeIfAbsent(name, ConsoleAssets::read);
        return Response.ok(body, type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/web-assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset web-assets/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
