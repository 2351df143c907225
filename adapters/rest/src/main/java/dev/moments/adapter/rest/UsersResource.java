package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.ExplainProgressQuery.Explanation;
import dev.moments.domain.moment.MomentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's view of one user: progress on a moment and why the user is not (yet) rewarded. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final ExplainProgressQuery explain;
    private final CurrentPartner partner;

    public UsersResource(ExplainProgressQuery explain, CurrentPartner partner) {
        this.explain = explain;
        this.partner = partner;
    }

    @GET
    @Path("/{userId}/moments/{momentId}")
    @Operation(summary = "Explains a user's progress on a moment and the reasons the user is not (yet) rewarded")
    public Responses.Explanation explain(@PathParam("userId") String userId, @PathParam("momentId") String momentId) {
        Explanation e = explain.explain(partner.id(), userId, new MomentId(momentId));
        return new Responses.Explanation(e.momentId().value(), e.userId(), e.momentStatus().name(), e.kind(),
                new Responses.Progress(e.momentId().value(), e.complete(), e.current(), e.target()), e.completions(),
                e.awards(), e.lateEventsIgnored(), e.newestEventAt(), e.countingAfter(), e.holdout(), e.reasons(),
                e.lastRefusal(), e.completionKept());
    }
}
