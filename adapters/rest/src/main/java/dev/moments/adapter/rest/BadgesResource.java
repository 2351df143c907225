package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.json.TriggerRequests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.domain.points.Badge;
import dev.moments.domain.points.BadgeId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

/** The partner's badges: each earned once per user when their events complete its trigger. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/badges")
@Tag(name = "Points and badges")
@Produces(MediaType.APPLICATION_JSON)
public class BadgesResource {

    private final BadgesUseCase badges;
    private final CurrentPartner partner;
    private final IdempotentCreations idempotent;

    public BadgesResource(BadgesUseCase badges, CurrentPartner partner, IdempotentCreations idempotent) {
        this.badges = badges;
        this.partner = partner;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a badge; events recorded from then on count towards it",
            description = "The trigger is written as a moment's (event, count, sum, days, sequence, all, any; not"
                    + " direct) and checked the same way (422 naming the field). A user earns the badge once, with"
                    + " the event that completes its trigger, whose answer lists it under badges. At most 100 badges"
                    + " per partner.")
    @APIResponse(responseCode = "201", description = "The badge", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Responses.Badge.class)))
    public Response create(@HeaderParam(IdempotentCreations.HEADER)
                           @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                           Requests.CreateBadge body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            Badge badge = badges.create(partner.id(), body.name(), body.imageUrl(),
                    TriggerRequests.toDomain(body.trigger()));
            return Response.created(URI.create("/v1/badges/" + badge.id())).entity(toResponse(badge)).build();
        });
    }

    @GET
    @Operation(summary = "Lists the badges, oldest first")
    public List<Responses.Badge> list() {
        return badges.badges(partner.id()).stream().map(BadgesResource::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one badge")
    public Responses.Badge get(@PathParam("id") String id) {
        return toResponse(badges.badge(partner.id(), new BadgeId(id)));
    }

    private static Responses.Badge toResponse(Badge badge) {
        return new Responses.Badge(badge.id().value(), badge.name(), badge.imageUrl(),
                TriggerMapper.toResponse(badge.trigger()), badge.createdAt());
    }
}
