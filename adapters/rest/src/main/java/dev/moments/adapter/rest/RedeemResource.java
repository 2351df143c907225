package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.Commands;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The user's side of an award, authorised by the redemption token in the path alone: open to anyone
 * ({@code @PermitAll}), an {@code Authorization} header is not even read. Tokens, codes and addresses are never logged.
 */
@PermitAll
@Path("/api/redeem/{token}")
@Tag(name = "Redemption")
@Produces(MediaType.APPLICATION_JSON)
public class RedeemResource {

    private final RedeemUseCase redeem;

    public RedeemResource(RedeemUseCase redeem) {
        this.redeem = redeem;
    }

    @GET
    @Operation(summary = "What a redemption link offers now; consumes nothing",
            description = "state OPEN, NOT_YET_REDEEMABLE, CLAIMED, EXPIRED or CANCELLED; each reward with whether it"
                    + " can be had now (an empty code pool: unavailable, OUT_OF_CODES); the delivery once claimed."
                    + " An unknown token is a 404.")
    public Responses.Redemption preview(@PathParam("token") String token) {
        return toResponse(redeem.preview(token));
    }

    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claims one of the offered rewards",
            description = "200 with the award's status (CLAIMED, FULFILLING or FULFILLED) and the code when one is"
                    + " handed out at once. 404 unknown token; 409 already-claimed, not-yet-redeemable,"
                    + " reward-unavailable (not in the shipping country, no code left); 410 expired or cancelled; 422"
                    + " for invalid fields (shipping.postalCode, …), a missing shipping address for a physical reward,"
                    + " or a rewardId the award does not offer.")
    public Responses.ClaimResult claim(@PathParam("token") String token, Requests.Claim body) {
        RequestBodies.require(body);
        RedeemUseCase.Claimed claimed = redeem.claim(token, Commands.claim(body));
        return new Responses.ClaimResult(claimed.status().name(),
                claimed.delivery() == null ? null : claimed.delivery().code());
    }

    static Responses.Redemption toResponse(Redemption redemption) {
        Delivery delivery = redemption.delivery();
        return new Responses.Redemption(
                new Responses.RedemptionAward(redemption.awardId().value(), redemption.status().name(),
                        redemption.redeemableAt(), redemption.expiresAt()),
                redemption.state().name(),
                redemption.options().stream().map(option -> new Responses.RewardOption(option.rewardId().value(),
                        option.name(), option.kind().name(), option.description(), option.imageUrl(),
                        option.available(), option.unavailableReason())).toList(),
                redemption.announcement(), redemption.confirmation(),
                delivery == null ? null : new Responses.ClaimedDelivery(delivery.rewardId().value(),
                        delivery.rewardName(), delivery.kind() == null ? null : delivery.kind().name(),
                        delivery.status().name(), delivery.code(), delivery.reason(), delivery.claimedAt()),
                Responses.Branding.of(redemption.branding()));
    }
}
