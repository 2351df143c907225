package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.domain.points.PointRule;
import dev.moments.domain.points.PointRuleId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's point rules: which events earn users points, and how many. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/point-rules")
@Tag(name = "Points and badges")
@Produces(MediaType.APPLICATION_JSON)
public class PointRulesResource {

    private final PointsUseCase points;
    private final CurrentPartner partner;
    private final IdempotentCreations idempotent;

    public PointRulesResource(PointsUseCase points, CurrentPartner partner, IdempotentCreations idempotent) {
        this.points = points;
        this.partner = partner;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a point rule; events recorded from then on earn by it",
            description = "An event of the rule's type for which where holds earns the points the expression gives,"
                    + " once per event and rule, when that is a whole number from 1 (at most 1,000,000). A"
                    + " condition or expression that does not compile is refused (422 on where or points); a partner"
                    + " keeps at most 100 rules.")
    @APIResponse(responseCode = "201", description = "The rule", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Responses.PointRule.class)))
    public Response create(@HeaderParam(IdempotentCreations.HEADER)
                           @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                           Requests.CreatePointRule body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            PointRule rule = points.createRule(new PointsUseCase.NewRule(partner.id(), body.name(), body.event(),
                    body.where(), body.pointsExpression()));
            return Response.created(URI.create("/v1/point-rules/" + rule.id())).entity(toResponse(rule)).build();
        });
    }

    @GET
    @Operation(summary = "Lists the point rules, oldest first")
    public List<Responses.PointRule> list() {
        return points.rules(partner.id()).stream().map(PointRulesResource::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one point rule")
    public Responses.PointRule get(@PathParam("id") String id) {
        return toResponse(points.rule(partner.id(), new PointRuleId(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deletes a point rule; the points it gave stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        points.deleteRule(partner.id(), new PointRuleId(id));
        return Response.noContent().build();
    }

    static Responses.PointRule toResponse(PointRule rule) {
        return new Responses.PointRule(rule.id().value(), rule.name(), rule.event(), rule.where(), rule.points(),
                rule.createdAt());
    }
}
