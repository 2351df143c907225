package dev.moments.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.application.port.in.PartnerView;
import dev.moments.application.port.in.SetMonthlyCapUseCase;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API: partners, their keys and their monthly spending caps. */
@RolesAllowed(Roles.ADMIN)
@Path("/admin/v1/partners")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPartnersResource {

    private final CreatePartnerUseCase createPartner;
    private final ManageApiKeysUseCase keys;
    private final GetPartnerQuery partners;
    private final SetMonthlyCapUseCase caps;
    private final IdempotentCreations idempotent;
    private final ObjectMapper json;

    public AdminPartnersResource(CreatePartnerUseCase createPartner, ManageApiKeysUseCase keys,
                                 GetPartnerQuery partners, SetMonthlyCapUseCase caps, IdempotentCreations idempotent,
                                 ObjectMapper json) {
        this.json = json;
        this.createPartner = createPartner;
        this.keys = keys;
        this.partners = partners;
        this.caps = caps;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Registers a partner, optionally with a monthly spending cap; its API key is shown in this"
            + " response only")
    public Response create(@HeaderParam(IdempotentCreations.HEADER)
                           @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                           Requests.CreatePartner body) {
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            PartnerCreated created = createPartner.create(new CreatePartnerCommand(body.name(), body.currency(),
                    body.monthlyCap()));
            return Response.created(URI.create("/admin/v1/partners/" + created.partner().id()))
                    .entity(new Responses.PartnerCreated(created.partner().id().value(), created.partner().name(),
                            created.partner().currency().getCurrencyCode(), created.apiKey(),
                            created.keyId().value(), decimal(created.monthlyCap())))
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads a partner with its monthly spending cap and what this UTC month charged against it")
    public Responses.Partner get(@PathParam("id") String partnerId) {
        return toResponse(partners.get(new PartnerId(partnerId)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the partner's monthly spending cap across all its moments (null removes it); a cap"
            + " below what this month already charged stops every award until the next month")
    public Responses.Partner update(@PathParam("id") String partnerId, Requests.UpdatePartner body) {
        RequestBodies.require(body);
        if (!body.isMonthlyCapGiven()) {
            throw new InvalidValueException("monthlyCap", "monthlyCap is required: a decimal string such as"
                    + " \"1500.00\", or null to remove the cap");
        }
        return toResponse(caps.setMonthlyCap(new PartnerId(partnerId), body.getMonthlyCap()));
    }

    @POST
    @Path("/{id}/keys")
    @Operation(summary = "Issues another API key, shown in this response only",
            description = "With { \"scopes\": [...] } the key may do only that (events:write, moments:write,"
                    + " reports:read, awards:write; at least one); without a body, or without scopes, everything."
                    + " A request outside the key's scopes is answered 403. The console signs in only with a key of"
                    + " every scope.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Requests.IssueKey.class)))
    public Response issueKey(@PathParam("id") String partnerId,
                             @HeaderParam(IdempotentCreations.HEADER)
                             @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                             String text) throws JsonProcessingException {
        // read by hand: keys were issued with no body (nor a content type) before scopes, and still are
        Requests.IssueKey body = text == null || text.isBlank() ? null : json.readValue(text, Requests.IssueKey.class);
        return idempotent.respond(idempotencyKey, body, () -> {
            ManageApiKeysUseCase.IssuedKey key = keys.issue(new PartnerId(partnerId), scopes(body));
            return Response.status(Response.Status.CREATED)
                    .entity(new Responses.KeyIssued(key.id().value(), key.apiKey())).build();
        });
    }

    @GET
    @Path("/{id}/keys")
    @Operation(summary = "Lists the partner's API keys (never their secrets), with their scopes and last use",
            description = "lastUsedAt is when a request last authenticated with the key, to within a few minutes: it"
                    + " is written when an instance looks the key up, at most once a minute, not on every request.")
    public List<Responses.Key> keys(@PathParam("id") String partnerId) {
        return keys.keys(new PartnerId(partnerId)).stream().map(key -> new Responses.Key(key.id().value(),
                key.scopes().stream().map(Scope::apiName).toList(), key.createdAt(), key.revokedAt(),
                key.lastUsedAt())).toList();
    }

    /** The scopes asked for: every one when none are named. */
    private static Set<Scope> scopes(Requests.IssueKey body) {
        if (body == null || body.scopes() == null) {
            return Scope.ALL;
        }
        if (body.scopes().isEmpty()) {
            throw new InvalidValueException("scopes", "a key has at least one scope; leave scopes out for all");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < body.scopes().size(); i++) {
            scopes.add(Scope.fromApi("scopes[" + i + "]", body.scopes().get(i)));
        }
        return scopes;
    }

    private static Responses.Partner toResponse(PartnerView view) {
        return new Responses.Partner(view.partner().id().value(), view.partner().name(),
                view.partner().currency().getCurrencyCode(), view.partner().createdAt(), decimal(view.monthlyCap()),
                view.month().toString(), view.chargedThisMonth().toDecimalString());
    }

    private static String decimal(Money money) {
        return money == null ? null : money.toDecimalString();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Operation(summary = "Revokes an API key")
    public Response revokeKey(@PathParam("id") String partnerId, @PathParam("keyId") String keyId) {
        keys.revoke(new PartnerId(partnerId), new ApiKeyId(keyId));
        return Response.noContent().build();
    }
}
