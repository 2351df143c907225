package dev.moments.adapter.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
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

    private static final WebAssets ASSETS = new WebAssets(Map.of(
            "redeem.css", "text/css;charset=UTF-8",
            "redeem.js", "text/javascript;charset=UTF-8",
            "gift.svg", "image/svg+xml"));

    @GET
    @Operation(hidden = true)
    public Response asset(@RestPath String name) {
        return ASSETS.answer(name);
    }
}
