package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.problem.ProblemMappers;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.ExplainProgressQuery.Explanation;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.shared.InvalidValueException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's view of one user: progress on a moment and why the user is not (yet) rewarded; their points and
 * badges.
 */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final ExplainProgressQuery explain;
    private final PointsUseCase points;
    private final BadgesUseCase badges;
    private final CurrentPartner partner;
    private final IdempotentCreations idempotent;

    public UsersResource(ExplainProgressQuery explain, PointsUseCase points, BadgesUseCase badges,
                         CurrentPartner partner, IdempotentCreations idempotent) {
        this.explain = explain;
        this.points = points;
        this.badges = badges;
        this.partner = partner;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/{userId}/moments/{momentId}")
    @Operation(summary = "Explains a user's progress on a moment and the reasons the user is not (yet) rewarded")
    public Responses.Explanation explain(@PathParam("userId") String userId, @PathParam("momentId") String momentId) {
        Explanation e = explain.explain(partner.id(), userId, new MomentId(momentId));
        return new Responses.Explanation(e.momentId().value(), e.userId(), e.momentStatus().name(), e.kind(),
                new Responses.Progress(e.momentId().value(), e.complete(), e.current(), e.target()), e.completions(),
                e.awards(), e.lateEventsIgnored(), e.newestEventAt(), e.countingAfter(), e.holdout(), e.reasons(),
                e.lastRefusal(), e.completionKept(), e.referral() == null ? null
                : new Responses.ReferralStanding(e.referral().referredBy(), e.referral().referredAt(),
                e.referral().expiresAt(), e.referral().referralsPaid(), e.referral().perUser()),
                Responses.Risk.of(e.risk()));
    }

    @GET
    @Path("/{userId}/points")
    @Operation(summary = "A user's points: the balance and the ledger, newest first, page by page")
    public Responses.UserPoints points(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                       @QueryParam("after") String after) {
        PointsUseCase.Points found = points.points(partner.id(), userId, Pages.request(limit, after));
        return new Responses.UserPoints(found.userId(), found.balance(),
                found.entries().items().stream().map(UsersResource::entry).toList(), found.entries().next());
    }

    @POST
    @Path("/{userId}/points/spend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Spends points of a user's balance; never below zero",
            description = "The Idempotency-Key header is required: a retry with the same key spends nothing again"
                    + " and answers as the first time. A balance that does not hold the amount answers 409"
                    + " insufficient-points and spends nothing; concurrent spends of one user queue, so their sum"
                    + " never exceeds the balance.")
    @APIResponse(responseCode = "200", description = "The spend and the balance after it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Responses.PointsSpent.class)))
    public Response spend(@PathParam("userId") String userId,
                          @HeaderParam(IdempotentCreations.HEADER)
                          @Parameter(required = true, description = "Required here. 1 to 255 visible ASCII"
                                  + " characters, unique per spend") String idempotencyKey,
                          Requests.SpendPoints body) {
        if (idempotencyKey == null) {
            return ProblemMappers.toResponse(Problem.invalid(400, IdempotentCreations.HEADER,
                    "a spend needs an Idempotency-Key header, so that a retry never spends twice"));
        }
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            if (body.amount() == null) {
                throw new InvalidValueException("amount", "amount is required");
            }
            PointsUseCase.Spent spent = points.spend(partner.id(), userId, body.amount(), body.reason());
            return Response.ok(new Responses.PointsSpent(entry(spent.entry()), spent.balance())).build();
        });
    }

    @GET
    @Path("/{userId}/badges")
    @Operation(summary = "The badges a user earned, newest first")
    public Responses.UserBadges badges(@PathParam("userId") String userId) {
        return new Responses.UserBadges(userId, badges.earned(partner.id(), userId).stream()
                .map(earned -> new Responses.EarnedBadge(earned.badge().id().value(), earned.badge().name(),
                        earned.badge().imageUrl(), earned.earnedAt(), earned.eventId())).toList());
    }

    private static Responses.PointEntry entry(PointEntry entry) {
        return new Responses.PointEntry(entry.id(), entry.points(), entry.ruleId() == null ? null
                : entry.ruleId().value(), entry.eventId(), entry.reason(), entry.at());
    }
}
