package dev.moments.adapter.fulfillment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.fulfillment.TestOrders;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Decision;
import dev.moments.domain.reward.FulfillmentProvider;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookProviderTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final WebhookProvider webhook = new WebhookProvider();

    @Test
    void theClaimIsHandedToThePartner_whoGetsTheAddressAndEmailWithTheClaimedEvent() {
        Acceptance acceptance = webhook.accept(TestOrders.figure("awd_1", TestOrders.ADDRESS, "ada@example.com"), NOW);

        assertThat(webhook.provider()).isEqualTo(FulfillmentProvider.WEBHOOK);
        assertThat(acceptance.decision()).isEqualTo(Decision.SUBMITTED);
        assertThat(acceptance.reference()).isNull();
        assertThat(acceptance.sharesClaim()).isTrue();
    }
}
