package dev.moments.adapter.web.console;

import dev.moments.adapter.web.WebAssets;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** The console's style sheet, served by the app from {@code web-assets/}. Open to anyone; hidden from the API. */
@PermitAll
@Path("/console/assets/{name}")
public class ConsoleAssets {

    private static final WebAssets ASSETS = new WebAssets(Map.of("console.css", "text/css;charset=UTF-8"));

    @GET
    @Operation(hidden = true)
    public Response asset(@RestPath String name) {
        return ASSETS.answer(name);
    }
}
