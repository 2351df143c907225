package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.BlocklistUseCase;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's blocklist: users, devices, client and e-mail addresses whose completions are refused. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/blocklist")
@Tag(name = "Abuse protection")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistResource {

    private final BlocklistUseCase blocklist;
    private final CurrentPartner partner;
    private final IdempotentCreations idempotent;

    public BlocklistResource(BlocklistUseCase blocklist, CurrentPartner partner, IdempotentCreations idempotent) {
        this.blocklist = blocklist;
        this.partner = partner;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Blocks a user, a device, a client address or an e-mail address",
            description = "From then on every completion of the partner's moments by a blocked user (or paying one:"
                    + " a referrer), on a blocked device, from a blocked client address (an event's context.ip) or by"
                    + " a user whose email attribute is a blocked address is refused BLOCKED, in payments, previews"
                    + " and explanations alike. An e-mail address is kept only as the SHA-256 of its lower-cased"
                    + " form, a client address as the SHA-256 of its canonical text. Blocking what is blocked already"
                    + " answers 200 with the entry that stands. Awards already earned stay until cancelled"
                    + " (POST /v1/blocklist/{id}/cancel-awards). At most 100,000 entries per partner.")
    @APIResponse(responseCode = "201", description = "Blocked", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Responses.BlockEntry.class)))
    @APIResponse(responseCode = "200", description = "Blocked already: the entry that stands", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Responses.BlockEntry.class)))
    public Response add(@HeaderParam(IdempotentCreations.HEADER)
                        @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                        Requests.Block body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            BlocklistUseCase.Added added = blocklist.add(partner.id(), body.kind(), body.value(), body.reason());
            Responses.BlockEntry entry = toResponse(added.block());
            return added.created()
                    ? Response.created(URI.create("/v1/blocklist/" + added.block().id())).entity(entry).build()
                    : Response.ok(entry).build();
        });
    }

    @GET
    @Operation(summary = "Lists the blocklist, page by page")
    public Responses.Page<Responses.BlockEntry> list(@QueryParam("limit") String limit,
                                                     @QueryParam("after") String after) {
        var page = blocklist.list(partner.id(), Pages.request(limit, after)).map(BlocklistResource::toResponse);
        return new Responses.Page<>(page.items(), page.next());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one entry of the blocklist")
    public Responses.BlockEntry get(@PathParam("id") String id) {
        return toResponse(blocklist.get(partner.id(), new BlockId(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Lifts an entry; completions from then on are decided without it")
    @APIResponse(responseCode = "204", description = "Lifted")
    public Response remove(@PathParam("id") String id) {
        blocklist.remove(partner.id(), new BlockId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/cancel-awards")
    @Operation(summary = "Cancels every unclaimed award of what the entry blocks",
            description = "Every EARNED or PENDING_REVIEW award of the blocked user, of the blocked device, earned from"
                    + " the blocked client address, or of the users whose email attribute is the blocked address, is"
                    + " CANCELLED: its reservation goes back to the budget and award.cancelled is sent. Claimed awards"
                    + " stay. Calling it again cancels what was earned since (none, while the entry stands).")
    public Responses.AwardsCancelled cancelAwards(@PathParam("id") String id) {
        return new Responses.AwardsCancelled(blocklist.cancelAwards(partner.id(), new BlockId(id)));
    }

    static Responses.BlockEntry toResponse(Block block) {
        return new Responses.BlockEntry(block.id().value(), block.kind().apiName(),
                block.keyIsDigest() ? null : block.key(), block.keyIsDigest() ? block.key() : null, block.reason(),
                block.createdAt());
    }
}
