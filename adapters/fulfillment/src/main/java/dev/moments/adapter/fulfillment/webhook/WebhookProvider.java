package dev.moments.adapter.fulfillment.webhook;

import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code webhook} provider: the partner delivers the reward. The claim's {@code award.claimed} outbox event,
 * written in the claim's transaction and relayed to the partner's webhooks, is the order: this adds to it what the
 * partner needs to deliver — the shipping address and the user's e-mail, when given (nobody else gets them in that
 * event). The delivery is SUBMITTED at once and the partner reports how it goes with
 * {@code POST /v1/awards/{id}/fulfillment}.
 */
@ApplicationScoped
public class WebhookProvider implements FulfillmentGateway {

    @Override
    public FulfillmentProvider provider() {
        return FulfillmentProvider.WEBHOOK;
    }

    @Override
    public Acceptance accept(Order order, Instant at) {
        Map<String, Object> forThePartner = new LinkedHashMap<>();
        if (order.shipping() != null) {
            forThePartner.put("shipping", shipping(order.shipping()));
        }
        if (order.email() != null) {
            forThePartner.put("email", order.email());
        }
        return Acceptance.submitted(null).withClaimedEventData(forThePartner);
    }

    /** The address as the event carries it; the optional lines are left out when not given. */
    static Map<String, Object> shipping(ShippingAddress address) {
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("name", address.name());
        shipping.put("line1", address.line1());
        if (address.line2() != null) {
            shipping.put("line2", address.line2());
        }
        shipping.put("city", address.city());
        if (address.region() != null) {
            shipping.put("region", address.region());
        }
        shipping.put("postalCode", address.postalCode());
        shipping.put("country", address.country());
        return shipping;
    }
}
