package dev.moments.adapter.fulfillment.sandbox;

import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.reward.FulfillmentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The {@code sandbox} provider: every claim is delivered at once and nothing real is handed out. For tests and for
 * TEST moments (the claim gives every TEST award to the sandbox, whatever its reward's provider).
 */
@ApplicationScoped
public class SandboxProvider implements FulfillmentGateway {

    @Override
    public FulfillmentProvider provider() {
        return FulfillmentProvider.SANDBOX;
    }

    @Override
    public Acceptance accept(Order order, Instant at) {
        return Acceptance.fulfilled(null);
    }
}
