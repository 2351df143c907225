package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.LedgerResponses;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.domain.moment.MomentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A moment's budget ledger: every top-up, reservation, settlement and release, oldest first. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/moments/{id}/ledger")
@Tag(name = "Moments")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final GetLedgerQuery ledger;
    private final CurrentPartner partner;

    public LedgerResource(GetLedgerQuery ledger, CurrentPartner partner) {
        this.ledger = ledger;
        this.partner = partner;
    }

    @GET
    @Operation(summary = "Lists the moment's ledger entries, oldest first, page by page")
    public Responses.Page<LedgerResponses.Entry> list(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                      @QueryParam("after") String after) {
        var page = ledger.ledger(partner.id(), new MomentId(id), Pages.request(limit, after))
                .map(LedgerResource::toResponse);
        return new Responses.Page<>(page.items(), page.next());
    }

    static LedgerResponses.Entry toResponse(LedgerEntry entry) {
        return new LedgerResponses.Entry(entry.sequence(), entry.kind().name(), entry.amount().toDecimalString(),
                entry.amount().currency().getCurrencyCode(), entry.awardId() == null ? null : entry.awardId().value(),
                entry.at());
    }
}
