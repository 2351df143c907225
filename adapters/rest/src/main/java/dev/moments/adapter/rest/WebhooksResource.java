package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.CreateWebhookCommand;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.ManageWebhooksUseCase;
import dev.moments.application.port.in.UpdateWebhookCommand;
import dev.moments.application.port.in.WebhookSecretShown;
import dev.moments.application.port.in.WebhookView;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's webhook endpoints (Standard Webhooks), their secrets and their delivery log. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    private final ManageWebhooksUseCase manage;
    private final GetWebhookQuery webhooks;
    private final CurrentPartner partner;
    private final IdempotentCreations idempotent;

    public WebhooksResource(ManageWebhooksUseCase manage, GetWebhookQuery webhooks, CurrentPartner partner,
                            IdempotentCreations idempotent) {
        this.manage = manage;
        this.webhooks = webhooks;
        this.partner = partner;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Registers an endpoint; its signing secret is in this answer only",
            description = "An endpoint is enabled at once. A URL whose host resolves to a loopback, link-local or"
                    + " private address is refused (422 on url) unless the operator allows private targets. At most"
                    + " 20 endpoints per partner (422 too-many-webhooks).")
    @APIResponse(responseCode = "201", description = "The endpoint, with its secret (shown once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Responses.Webhook.class)))
    public Response create(@HeaderParam(IdempotentCreations.HEADER)
                           @Parameter(description = IdempotentCreations.DESCRIPTION) String idempotencyKey,
                           Requests.CreateWebhook body) {
        if (body != null && body.url() != null) {
            manage.checkTarget(body.url()); // before the key's transaction: resolving a name may take long
        }
        return idempotent.respond(idempotencyKey, body, () -> {
            RequestBodies.require(body);
            WebhookSecretShown created = manage.create(new CreateWebhookCommand(partner.id(), body.url(),
                    body.events(), body.description()));
            return Response.created(URI.create("/v1/webhooks/" + created.webhook().id()))
                    .entity(toResponse(created.webhook(), created.secret())).build();
        });
    }

    @GET
    @Operation(summary = "Lists the endpoints, page by page (never their secrets)")
    public Responses.Page<Responses.Webhook> list(@QueryParam("limit") String limit,
                                                  @QueryParam("after") String after) {
        var page = webhooks.list(partner.id(), Pages.request(limit, after));
        return new Responses.Page<>(page.items().stream().map(view -> toResponse(view, null)).toList(), page.next());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Reads one endpoint (never its secret)")
    public Responses.Webhook get(@PathParam("id") String id) {
        return toResponse(webhooks.get(partner.id(), new WebhookId(id)), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Changes an endpoint's url, events, enabled or description; a field left out stays",
            description = "A disabled endpoint is sent nothing: events raised while it is disabled are not delivered"
                    + " to it, and its deliveries still pending wait until it is enabled again.")
    public Responses.Webhook update(@PathParam("id") String id, Requests.UpdateWebhook body) {
        RequestBodies.require(body);
        return toResponse(manage.update(new UpdateWebhookCommand(partner.id(), new WebhookId(id), body.url(),
                body.events(), body.enabled(), body.description())), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deletes an endpoint with its deliveries; nothing more is sent to it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        manage.delete(partner.id(), new WebhookId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Replaces the signing secret; the new one is in this answer only",
            description = "For 24 hours deliveries carry a signature of the old secret beside one of the new, so the"
                    + " receiver can switch whenever it likes within that time.")
    @APIResponse(responseCode = "200", description = "The endpoint, with its new secret (shown once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Responses.Webhook.class)))
    public Responses.Webhook rotateSecret(@PathParam("id") String id) {
        WebhookSecretShown rotated = manage.rotateSecret(partner.id(), new WebhookId(id));
        return toResponse(rotated.webhook(), rotated.secret());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first, each with its attempts (time, status code,"
            + " duration, error), page by page")
    public Responses.Page<Responses.WebhookDelivery> deliveries(
            @PathParam("id") String id,
            @QueryParam("status") @Parameter(description = "PENDING, DELIVERED or FAILED; all when left out")
            String status,
            @QueryParam("limit") String limit, @QueryParam("after") String after) {
        var page = webhooks.deliveries(partner.id(), new WebhookId(id),
                status == null || status.isBlank() ? null : status, Pages.request(limit, after));
        return new Responses.Page<>(page.items().stream().map(WebhooksResource::toResponse).toList(), page.next());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Sends a delivery again: due now, with a fresh count of attempts (its log keeps the others)")
    @APIResponse(responseCode = "202", description = "The delivery, PENDING again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Responses.WebhookDelivery.class)))
    public Response retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(toResponse(manage.retryDelivery(partner.id(), new WebhookId(id), deliveryId)))
                .build();
    }

    private static Responses.Webhook toResponse(WebhookView view, String secret) {
        return new Responses.Webhook(view.id(), view.url(), view.events(), view.enabled(), view.description(),
                view.createdAt(), view.updatedAt(), secret);
    }

    private static Responses.WebhookDelivery toResponse(WebhookDelivery delivery) {
        return new Responses.WebhookDelivery(delivery.id(), delivery.eventId(), delivery.type(),
                delivery.status().name(), delivery.nextAttemptAt(), delivery.createdAt(), delivery.log().stream()
                .map(attempt -> new Responses.WebhookAttempt(attempt.at(), attempt.statusCode(), attempt.durationMs(),
                        attempt.error())).toList());
    }
}
