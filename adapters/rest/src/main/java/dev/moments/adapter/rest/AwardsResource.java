package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
@RolesAllowed(Roles.PARTNER)
@Path("/v1/awards")
@Tag(name = "Awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardsResource {

    private final GetAwardQuery awards;
    private final CancelAwardUseCase cancelAward;
    private final CurrentPartner partner;
    private final RedeemLinks links;
    private final ReportFulfillmentUseCase reports;
    private final ReviewAwardsUseCase reviews;

    public AwardsResource(GetAwardQuery awards, CancelAwardUseCase cancelAward, CurrentPartner partner,
                          RedeemLinks links, ReportFulfillmentUseCase reports, ReviewAwardsUseCase reviews) {
        this.awards = awards;
        this.cancelAward = cancelAward;
        this.partner = partner;
        this.links = links;
        this.reports = reports;
        this.reviews = reviews;
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
    @Operation(summary = "Reads one award with its redemption link, its status history and, once claimed, its delivery")
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

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approves an award waiting for review: EARNED, its link usable, award.earned sent now",
            description = "Only an award in PENDING_REVIEW (else 409); the decision is written to the audit log.")
    public Responses.Award approve(@PathParam("id") String id) {
        reviews.approve(partner.id(), new AwardId(id), partner.actor());
        return toResponse(awards.get(partner.id(), new AwardId(id)), links);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rejects an award waiting for review: CANCELLED, its reservation released",
            description = "Only an award in PENDING_REVIEW (else 409); the reason (required, at most 500 characters)"
                    + " is kept in its history and the audit log; award.cancelled is sent.")
    public Responses.Award reject(@PathParam("id") String id, Requests.Reject body) {
        RequestBodies.require(body);
        reviews.reject(partner.id(), new AwardId(id), body.reason(), partner.actor());
        return toResponse(awards.get(partner.id(), new AwardId(id)), links);
    }

    @POST
    @Path("/{id}/fulfillment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reports the delivery of a claimed reward of the webhook provider (the partner fulfils it)",
            description = "status FULFILLED (with an optional code), FAILED or CANCELLED (with an optional reason;"
                    + " both fail the award and refund the reward's cost to the budget). Idempotent: the same status"
                    + " again answers DUPLICATE, a report after the delivery finished otherwise answers IGNORED. An"
                    + " award not claimed yet or delivered by another provider is a 409 not-reportable.")
    public Responses.FulfillmentReported reportFulfillment(@PathParam("id") String id,
                                                           Requests.FulfillmentReport body) {
        RequestBodies.require(body);
        FulfillmentStatus status = reportedStatus(body.status());
        ReportFulfillmentUseCase.Result result = reports.report(new ReportFulfillmentUseCase.Report(new AwardId(id),
                partner.id(), status, limited("reference", body.reference(), 500), limited("code", body.code(), 1000),
                limited("reason", body.reason(), 1000)));
        return new Responses.FulfillmentReported(result.name(), toResponse(awards.get(partner.id(), new AwardId(id)),
                links));
    }

    private static FulfillmentStatus reportedStatus(String status) {
        if (status == null || status.isBlank()) {
            throw new InvalidValueException("status", "status is required: FULFILLED, FAILED or CANCELLED");
        }
        return switch (status) {
            case "FULFILLED" -> FulfillmentStatus.FULFILLED;
            case "FAILED" -> FulfillmentStatus.FAILED;
            case "CANCELLED" -> FulfillmentStatus.CANCELLED;
            default -> throw new InvalidValueException("status", "unknown status " + status
                    + "; one of FULFILLED, FAILED, CANCELLED");
        };
    }

    private static String limited(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new InvalidValueException(field, field + " has at most " + max + " printable characters");
        }
        return value.strip();
    }

    static Responses.Award toResponse(AwardView view, RedeemLinks links) {
        Award award = view.award();
        RedeemUseCase.Delivery delivery = view.delivery();
        return new Responses.Award(award.id().value(), award.momentId().value(), award.userId(), award.deviceId(),
                award.status().name(), award.test(), award.completion(), award.reserved().toDecimalString(),
                award.reserved().currency().getCurrencyCode(), award.eventId(), view.token().map(links::of).orElse(null),
                view.announcement(), award.earnedAt(), award.redeemableAt(), award.expiresAt(), award.updatedAt(),
                view.history().isEmpty() ? null : view.history().stream()
                        .map(change -> new Responses.StatusChange(change.status().name(), change.at(),
                                change.reason())).toList(),
                delivery == null ? null : delivery.rewardId().value(),
                delivery == null ? null : delivery.claimedAt(),
                delivery == null ? null : new Responses.Delivery(delivery.status().name(), delivery.code(),
                        delivery.reason()), award.referrer(), award.referee(), award.variant(),
                Responses.Risk.of(award.risk()));
    }
}
