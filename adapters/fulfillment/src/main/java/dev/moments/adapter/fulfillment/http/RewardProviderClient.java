package dev.moments.adapter.fulfillment.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The provider's order API as seen by the REST client (docs/fulfillment.md). Bodies travel as JSON text, written and
 * read by {@link ProviderJson}, so the application's global Jackson settings cannot change the protocol.
 */
@Path("/orders")
@RegisterRestClient(configKey = "reward-provider")
public interface RewardProviderClient {

    /** Creates the order for one award, or answers the one already created under the same idempotency key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createOrder(@HeaderParam("Authorization") String authorization,
                         @HeaderParam("Idempotency-Key") String idempotencyKey,
                         String body);

    /** Finds the orders made for one award ({@code externalId} = award id). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response findOrders(@HeaderParam("Authorization") String authorization,
                        @QueryParam("externalId") String externalId);
}
