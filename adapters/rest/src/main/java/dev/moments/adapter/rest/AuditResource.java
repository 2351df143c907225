package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.AuditUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's audit log: who changed what, and when. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/audit")
@Tag(name = "Abuse protection")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditUseCase audit;
    private final CurrentPartner partner;

    public AuditResource(AuditUseCase audit, CurrentPartner partner) {
        this.audit = audit;
        this.partner = partner;
    }

    @GET
    @Operation(summary = "Lists the audit log, newest first, page by page",
            description = "One entry per change of the partner's configuration made through the API (moments,"
                    + " rewards, webhooks, point rules, badges, branding, blocklist, award cancellations and"
                    + " reviews, by the key that made it: actor key:<id>), per action of the operator on the partner"
                    + " (actor admin: caps, keys) and per review decision, the service's own included (actor"
                    + " system). Events, direct awards and redemptions are not listed: their own records tell of"
                    + " them.")
    public Responses.Page<Responses.AuditEntry> list(@QueryParam("limit") String limit,
                                                     @QueryParam("after") String after) {
        var page = audit.list(partner.id(), Pages.request(limit, after)).map(entry -> new Responses.AuditEntry(
                entry.id(), entry.at(), entry.actor(), entry.action(), entry.target(), entry.detail()));
        return new Responses.Page<>(page.items(), page.next());
    }
}
