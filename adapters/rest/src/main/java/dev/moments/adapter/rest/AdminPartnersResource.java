package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Requests;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API: partners and their keys. */
@Path("/admin/v1/partners")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPartnersResource {

    private final CreatePartnerUseCase createPartner;
    private final ManageApiKeysUseCase keys;

    public AdminPartnersResource(CreatePartnerUseCase createPartner, ManageApiKeysUseCase keys) {
        this.createPartner = createPartner;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Registers a partner; its API key is shown in this response only")
    public Response create(Requests.CreatePartner body) {
        RequestBodies.require(body);
        PartnerCreated created = createPartner.create(new CreatePartnerCommand(body.name(), body.currency()));
        return Response.created(URI.create("/admin/v1/partners/" + created.partner().id()))
                .entity(new Responses.PartnerCreated(created.partner().id().value(), created.partner().name(),
                        created.partner().currency().getCurrencyCode(), created.apiKey(), created.keyId().value()))
                .build();
    }

    @POST
    @Path("/{id}/keys")
    @Operation(summary = "Issues another API key, shown in this response only")
    public Response issueKey(@PathParam("id") String partnerId) {
        ManageApiKeysUseCase.IssuedKey key = keys.issue(new PartnerId(partnerId));
        return Response.status(Response.Status.CREATED)
                .entity(new Responses.KeyIssued(key.id().value(), key.apiKey())).build();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Operation(summary = "Revokes an API key")
    public Response revokeKey(@PathParam("id") String partnerId, @PathParam("keyId") String keyId) {
        keys.revoke(new PartnerId(partnerId), new ApiKeyId(keyId));
        return Response.noContent().build();
    }
}
