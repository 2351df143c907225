package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.Commands;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.CreateRewardUseCase;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's reward catalog. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/rewards")
@Tag(name = "Rewards")
@Produces(MediaType.APPLICATION_JSON)
public class RewardsResource {

    private final CreateRewardUseCase createReward;
    private final GetRewardQuery rewards;
    private final ManageCodesUseCase codes;
    private final CurrentPartner partner;
    private final IdempotentCreations idempotent;

    public RewardsResource(CreateRewardUseCase createReward, GetRewardQuery rewards, ManageCodesUseCase codes,
                           CurrentPartner partner, IdempotentCreations idempotent) {
        this.createReward = createReward;
        this.rewards = rewards;
        this.codes = codes;
        this.partner = partner;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a reward to the catalog")
    public Response create(@HeaderParam(IdempotentCreations.HEADER)
                           @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                           Requests.CreateReward body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            Reward reward = createReward.create(Commands.reward(partner.id(), body));
            Long pool = reward.provider() == dev.moments.domain.reward.FulfillmentProvider.CODES ? 0L : null;
            return Response.created(URI.create("/v1/rewards/" + reward.id())).entity(toResponse(reward, pool))
                    .build();
        });
    }

    @GET
    @Operation(summary = "Lists the catalog, page by page")
    public Responses.Page<Responses.Reward> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        var page = rewards.list(partner.id(), Pages.request(limit, after));
        Map<RewardId, Long> available = codes.codesAvailable(partner.id(),
                page.items().stream().map(Reward::id).toList());
        return new Responses.Page<>(page.items().stream()
                .map(reward -> toResponse(reward, available.get(reward.id()))).toList(), page.next());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one reward; a reward of the codes provider shows how many codes are free")
    public Responses.Reward get(@PathParam("id") String id) {
        Reward reward = rewards.get(partner.id(), new RewardId(id));
        return toResponse(reward, codes.codesAvailable(partner.id(), List.of(reward.id())).get(reward.id()));
    }

    @POST
    @Path("/{id}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds codes to the pool of a reward of the codes provider",
            description = "At most 10,000 codes per call, each 1 to 200 printable characters. Codes twice in the call"
                    + " or already in the pool are skipped and counted. Another provider's reward is a 422.")
    @APIResponse(responseCode = "200", description = "What the upload added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Responses.CodesAdded.class)))
    public Response addCodes(@PathParam("id") String id,
                             @HeaderParam(IdempotentCreations.HEADER)
                             @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                             Requests.AddCodes body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            ManageCodesUseCase.CodesAdded added = codes.addCodes(partner.id(), new RewardId(id), body.codes());
            return Response.ok(new Responses.CodesAdded(added.added(), added.skipped(), added.codesAvailable()))
                    .build();
        });
    }

    static Responses.Reward toResponse(Reward reward) {
        return toResponse(reward, null);
    }

    /** A reward with the free codes of its pool ({@code null}: no pool). */
    static Responses.Reward toResponse(Reward reward, Long codesAvailable) {
        return new Responses.Reward(reward.id().value(), reward.name(), reward.kind().name(),
                reward.cost().toDecimalString(), reward.cost().currency().getCurrencyCode(),
                reward.countries().stream().sorted().toList(), new Responses.Fulfillment(reward.provider().apiName()),
                reward.description(), reward.imageUrl(), reward.createdAt(), codesAvailable);
    }
}
