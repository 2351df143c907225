package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review queue: awards of moments with a review rule, waiting for the partner's decision. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/reviews")
@Tag(name = "Abuse protection")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    private final ReviewAwardsUseCase reviews;
    private final CurrentPartner partner;
    private final RedeemLinks links;

    public ReviewsResource(ReviewAwardsUseCase reviews, CurrentPartner partner, RedeemLinks links) {
        this.reviews = reviews;
        this.partner = partner;
        this.links = links;
    }

    @GET
    @Operation(summary = "Lists the awards waiting for review (PENDING_REVIEW), oldest first, page by page",
            description = "Each is decided with POST /v1/awards/{id}/approve or /reject; one nobody decided on within"
                    + " its moment's review.autoRejectAfter is rejected by the service.")
    public Responses.Page<Responses.Award> list(@QueryParam("limit") String limit,
                                                @QueryParam("after") String after) {
        var page = reviews.pending(partner.id(), Pages.request(limit, after))
                .map(view -> AwardsResource.toResponse(view, links));
        return new Responses.Page<>(page.items(), page.next());
    }
}
