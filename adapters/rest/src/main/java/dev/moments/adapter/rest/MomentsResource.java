package dev.moments.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.MomentRequests;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's moments: definition and edits, lifecycle and budget. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/moments")
@Tag(name = "Moments")
@Produces(MediaType.APPLICATION_JSON)
public class MomentsResource {

    private final CreateMomentUseCase createMoment;
    private final EditMomentUseCase editMoment;
    private final ChangeMomentStatusUseCase lifecycle;
    private final TopUpBudgetUseCase topUp;
    private final GetMomentQuery moments;
    private final CurrentPartner partner;
    private final ObjectMapper json;
    private final IdempotentCreations idempotent;

    public MomentsResource(CreateMomentUseCase createMoment, EditMomentUseCase editMoment,
                           ChangeMomentStatusUseCase lifecycle, TopUpBudgetUseCase topUp, GetMomentQuery moments,
                           CurrentPartner partner, ObjectMapper json, IdempotentCreations idempotent) {
        this.createMoment = createMoment;
        this.editMoment = editMoment;
        this.lifecycle = lifecycle;
        this.topUp = topUp;
        this.moments = moments;
        this.partner = partner;
        this.json = json;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Defines a moment; it starts as a DRAFT")
    public Response create(@HeaderParam(IdempotentCreations.HEADER)
                           @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                           Requests.CreateMoment body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            MomentView view = createMoment.create(MomentRequests.toCommand(partner.id(), body));
            return Response.created(URI.create("/v1/moments/" + view.moment().id()))
                    .entity(MomentMapper.toResponse(view)).build();
        });
    }

    @GET
    @Operation(summary = "Lists moments, page by page")
    public Responses.Page<Responses.Moment> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        var page = moments.list(partner.id(), Pages.request(limit, after)).map(MomentMapper::toResponse);
        return new Responses.Page<>(page.items(), page.next());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads a moment with its budget state")
    public Responses.Moment get(@PathParam("id") String id) {
        return MomentMapper.toResponse(moments.get(partner.id(), new MomentId(id)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MomentPatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Edits a DRAFT or PAUSED moment with a JSON merge patch of its creation body (any other"
            + " status: 409 not-editable); the edited moment must pass every check of a new one")
    @RequestBody(required = true, content = {
            @Content(mediaType = MomentPatch.MEDIA_TYPE, schema = @Schema(implementation = Requests.EditMoment.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Requests.EditMoment.class))})
    public Responses.Moment edit(@PathParam("id") String id, JsonNode body) throws JsonProcessingException {
        MomentPatch patch = MomentPatch.of(body, json);
        PartnerId partnerId = partner.id();
        return MomentMapper.toResponse(editMoment.edit(partnerId, new MomentId(id),
                current -> patch.definition(partnerId, current)));
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "DRAFT to TEST: only test users are evaluated, nothing is charged")
    public Responses.Moment test(@PathParam("id") String id) {
        return change(id, LifecycleAction.TEST);
    }

    @POST
    @Path("/{id}/launch")
    @Operation(summary = "DRAFT or TEST to LIVE")
    public Responses.Moment launch(@PathParam("id") String id) {
        return change(id, LifecycleAction.LAUNCH);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "LIVE or EXHAUSTED to PAUSED")
    public Responses.Moment pause(@PathParam("id") String id) {
        return change(id, LifecycleAction.PAUSE);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "PAUSED to LIVE (or EXHAUSTED if the budget cannot pay)")
    public Responses.Moment resume(@PathParam("id") String id) {
        return change(id, LifecycleAction.RESUME);
    }

    @POST
    @Path("/{id}/finish")
    @Operation(summary = "Ends the moment for good")
    public Responses.Moment finish(@PathParam("id") String id) {
        return change(id, LifecycleAction.FINISH);
    }

    @POST
    @Path("/{id}/budget/top-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds money to the budget; an EXHAUSTED moment goes LIVE again")
    @APIResponse(responseCode = "200", description = "The moment with its new budget",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Responses.Moment.class)))
    public Response topUp(@PathParam("id") String id,
                          @HeaderParam(IdempotentCreations.HEADER)
                          @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                          Requests.TopUp body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            return Response.ok(MomentMapper.toResponse(topUp.topUp(partner.id(), new MomentId(id), body.amount())))
                    .build();
        });
    }

    private Responses.Moment change(String id, LifecycleAction action) {
        return MomentMapper.toResponse(lifecycle.change(partner.id(), new MomentId(id), action));
    }
}
