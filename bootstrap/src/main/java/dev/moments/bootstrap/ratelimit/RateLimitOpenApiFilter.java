package dev.moments.bootstrap.ratelimit;

import dev.moments.bootstrap.ratelimit.RateLimitRoute.PathKind;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Adds the 429 of {@link RateLimitRoute} to every operation it limits in the OpenAPI document, at build time. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RateLimitOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (PathKind.of(path) != PathKind.OTHER && item.getOperations() != null) {
                item.getOperations().values().forEach(RateLimitOpenApiFilter::addTooManyRequests);
            }
        });
    }

    private static void addTooManyRequests(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse("429")) {
            return;
        }
        operation.getResponses().addAPIResponse("429", tooManyRequests());
    }

    private static APIResponse tooManyRequests() {
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.<Object>of("/problems/rate-limited")))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createAPIResponse()
                .description("Over a rate limit (per API key, or per client address on the redemption endpoints and "
                        + "for wrong credentials); nothing was done. Retry after the seconds of Retry-After.")
                .addHeader("Retry-After", OASFactory.createHeader()
                        .description("Whole seconds until the limit allows a request again, at least 1")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(problem)));
    }
}
