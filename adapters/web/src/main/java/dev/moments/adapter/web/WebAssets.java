package dev.moments.adapter.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of {@code web-assets/} on the class path served as they are: a fixed list of names, each with its media type,
 * read once and kept; any other name is a 404. The pages' style sheets, scripts and pictures (no CDN).
 */
public final class WebAssets {

    private final Map<String, String> types;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** @param types the media type of each file served, by name */
    public WebAssets(Map<String, String> types) {
        this.types = Map.copyOf(types);
    }

    /** The file, cacheable for an hour and never sniffed; 404 for a name not listed. */
    public Response answer(String name) {
        String type = types.get(name);
        if (type == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        byte[] body = cache.computeIfAbsent(name, WebAssets::read);
        return Response.ok(body, type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web-assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset web-assets/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
