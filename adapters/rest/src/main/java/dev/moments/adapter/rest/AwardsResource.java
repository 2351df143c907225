package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.domain.award.Award;
import dev.moments.application.port.out.AwardFilter;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's awards. */
@Path("/v1/awards")
@Tag(name = "Awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardsResource {

    private final GetAwardQuery awards;
    private final CancelAwardUseCase cancelAward;
    private final CurrentPartner partner;
    private final RedeemLinks links;

    public AwardsResource(GetAwardQuery awards, CancelAwardUseCase cancelAward, CurrentPartner partner,
                          RedeemLinks links) {
        this.awards = awards;
        this.cancelAward = cancelAward;
        this.partner = partner;
        this.links = links;
    }

    @GET
    @Operation(summary = "Lists awards, optionally of one user, one moment or in one status, page by page")
    public Responses.Page<Responses.Award> list(@QueryParam("userId") String userId,
                                                @QueryParam("momentId") String momentId,
                                                @QueryParam("status") String status,
                                                @QueryParam("limit") String limit, @QueryParam("after") String after) {
        AwardFilter filter = new AwardFilter(blankToNull(userId),
                blankToNull(momentId) == null ? null : new MomentId(momentId), status(status));
        var page = awards.list(partner.id(), filter, Pages.request(limit, after)).map(view -> toResponse(view, links));
        return new Responses.Page<>(page.items(), page.next());
    }

    private static AwardStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AwardStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "unknown status " + status + "; one of "
                    + java.util.Arrays.toString(AwardStatus.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one award with its redemption link")
    public Responses.Award get(@PathParam("id") String id) {
        return toResponse(awards.get(partner.id(), new AwardId(id)), links);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancels an unclaimed award; its whole reservation goes back to the budget")
    public Responses.Award cancel(@PathParam("id") String id) {
        cancelAward.cancel(partner.id(), new AwardId(id));
        return toResponse(awards.get(partner.id(), new AwardId(id)), links);
    }

    static Responses.Award toResponse(AwardView view, RedeemLinks links) {
        Award award = view.award();
        return new Responses.Award(award.id().value(), award.momentId().value(), award.userId(), award.deviceId(),
                award.status().name(), award.test(), award.completion(), award.reserved().toDecimalString(),
                award.reserved().currency().getCurrencyCode(), award.eventId(), view.token().map(links::of).orElse(null),
                view.announcement(), award.earnedAt(), award.redeemableAt(), award.expiresAt(), award.updatedAt());
    }
}
