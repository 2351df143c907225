package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.Commands;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.domain.moment.MomentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Awards a partner's own engine decided on, and their previews: {@code /v1/moments/{id}/awards}. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/moments/{id}/awards")
@Tag(name = "Moments")
@Produces(MediaType.APPLICATION_JSON)
public class DirectAwardsResource {

    private final DirectAwardUseCase directAwards;
    private final CurrentPartner partner;
    private final RedeemLinks links;
    private final IdempotentCreations idempotent;

    public DirectAwardsResource(DirectAwardUseCase directAwards, CurrentPartner partner, RedeemLinks links,
                                IdempotentCreations idempotent) {
        this.directAwards = directAwards;
        this.partner = partner;
        this.links = links;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Awards the moment to a user because the partner's own engine decided so; charges the budget")
    public Response award(@PathParam("id") String id,
                          @HeaderParam(IdempotentCreations.HEADER)
                          @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                          Requests.DirectAward body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            AwardView view = directAwards.award(directCommand(id, body));
            return Response.created(URI.create("/v1/awards/" + view.award().id()))
                    .entity(AwardsResource.toResponse(view, links)).build();
        });
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the user would be awarded now, and with what; consumes nothing")
    public Responses.AwardPreview preview(@PathParam("id") String id, Requests.DirectAward body) {
        DirectAwardUseCase.Preview preview = directAwards.preview(directCommand(id, body));
        return new Responses.AwardPreview(preview.eligible(), preview.reason(),
                preview.rewards().stream().map(RewardsResource::toResponse).toList(), preview.announcement());
    }

    private DirectAwardUseCase.DirectAwardCommand directCommand(String id, Requests.DirectAward body) {
        RequestBodies.require(body);
        return new DirectAwardUseCase.DirectAwardCommand(partner.id(), new MomentId(id), body.userId(),
                body.deviceId(), Commands.context(body.context()));
    }
}
