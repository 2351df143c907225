package dev.moments.adapter.rest.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Describes in the OpenAPI document what a guarded operation answers a missing or wrong credential: the 401 problem
 * with {@code WWW-Authenticate: Bearer}, never a 403 (Quarkus adds a "Not Allowed" 403 to every {@code @RolesAllowed}
 * operation by default; {@link UnauthorizedMappers} answers the other role's credential 401 instead).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class UnauthorizedOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(UnauthorizedOpenApiFilter::describe);
            }
        });
    }

    private static void describe(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty() || operation.getResponses() == null) {
            return;
        }
        operation.getResponses().removeAPIResponse("403");
        operation.getResponses().addAPIResponse("401", unauthorized());
    }

    private static APIResponse unauthorized() {
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.<Object>of("/problems/unauthorized")))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createAPIResponse()
                .description("No credential, or not one of this operation's role (an unknown or revoked API key, the"
                        + " admin token on a partner operation, a partner key on an operator's one); nothing was done")
                .addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(problem)));
    }
}
