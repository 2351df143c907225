package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Requests;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.CreateRewardUseCase;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's reward catalog. */
@Path("/v1/rewards")
@Tag(name = "Rewards")
@Produces(MediaType.APPLICATION_JSON)
public class RewardsResource {

    private final CreateRewardUseCase createReward;
    private final GetRewardQuery rewards;
    private final CurrentPartner partner;

    public RewardsResource(CreateRewardUseCase createReward, GetRewardQuery rewards, CurrentPartner partner) {
        this.createReward = createReward;
        this.rewards = rewards;
        this.partner = partner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a reward to the catalog")
    public Response create(Requests.CreateReward body) {
        RequestBodies.require(body);
        Reward reward = createReward.create(new CreateRewardCommand(partner.id(), body.name(), body.kind(),
                body.cost(), body.currency(), TextSets.of(body.countries(), "countries"),
                body.fulfillment() == null ? null : body.fulfillment().provider(), body.description(),
                body.imageUrl()));
        return Response.created(URI.create("/v1/rewards/" + reward.id())).entity(toResponse(reward)).build();
    }

    @GET
    @Operation(summary = "Lists the catalog, page by page")
    public Responses.Page<Responses.Reward> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        var page = rewards.list(partner.id(), Pages.request(limit, after)).map(RewardsResource::toResponse);
        return new Responses.Page<>(page.items(), page.next());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one reward")
    public Responses.Reward get(@PathParam("id") String id) {
        return toResponse(rewards.get(partner.id(), new RewardId(id)));
    }

    static Responses.Reward toResponse(Reward reward) {
        return new Responses.Reward(reward.id().value(), reward.name(), reward.kind().name(),
                reward.cost().toDecimalString(), reward.cost().currency().getCurrencyCode(),
                reward.countries().stream().sorted().toList(), new Responses.Fulfillment(reward.provider().apiName()),
                reward.description(), reward.imageUrl(), reward.createdAt());
    }
}
