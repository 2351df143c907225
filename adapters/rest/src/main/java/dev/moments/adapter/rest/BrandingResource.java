package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.BrandingUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the partner's redemption pages look: its name, logo, colour and support address. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/branding")
@Tag(name = "Branding")
@Produces(MediaType.APPLICATION_JSON)
public class BrandingResource {

    private final BrandingUseCase branding;
    private final CurrentPartner partner;

    public BrandingResource(BrandingUseCase branding, CurrentPartner partner) {
        this.branding = branding;
        this.partner = partner;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the branding of the redemption pages, replacing the one before",
            description = "Every page of a link (the options, the confirmation, and the pages of a link claimed,"
                    + " expired, withdrawn or not yet redeemable) shows the display name, the logo and the support"
                    + " address, and uses the colour for the claim button and links. A colour white text cannot be"
                    + " read on (contrast below 4.5:1) is refused with 422 on primaryColor.")
    public Responses.Branding set(Requests.SetBranding body) {
        RequestBodies.require(body);
        return Responses.Branding.of(branding.set(partner.id(), new BrandingUseCase.Input(body.displayName(),
                body.logoUrl(), body.primaryColor(), body.supportEmail())));
    }

    @GET
    @Operation(summary = "Reads the branding; 404 when none was set")
    public Responses.Branding get() {
        return Responses.Branding.of(branding.get(partner.id()));
    }
}
