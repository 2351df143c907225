package dev.moments.adapter.fulfillment.webhook;

import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.reward.FulfillmentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

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

    /** The partner delivers: it gets the claim's address and e-mail with {@code award.claimed}. */
    @Override
    public Acceptance accept(Order order, Instant at) {
        return Acceptance.submitted(null).sharingTheClaim();
    }
}
