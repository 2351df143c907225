package dev.moments.adapter.fulfillment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.fulfillment.TestOrders;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Decision;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookProviderTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final WebhookProvider webhook = new WebhookProvider();

    @Test
    void theClaimIsHandedToThePartnerWithTheAddressAndEmailInTheClaimedEvent() {
        Acceptance acceptance = webhook.accept(TestOrders.figure("awd_1", TestOrders.ADDRESS, "ada@example.com"), NOW);

        assertThat(webhook.provider()).isEqualTo(FulfillmentProvider.WEBHOOK);
        assertThat(acceptance.decision()).isEqualTo(Decision.SUBMITTED);
        assertThat(acceptance.reference()).isNull();
        assertThat(acceptance.claimedEventData()).containsOnlyKeys("shipping", "email")
                .containsEntry("email", "ada@example.com")
                .containsEntry("shipping", Map.of("name", "Ada Lovelace", "line1", "1 Main St", "city", "Springfield",
                        "region", "IL", "postalCode", "62701", "country", "US"));
    }

    @Test
    void optionalLinesAreLeftOutAndNothingIsAddedWhenTheUserGaveNothing() {
        ShippingAddress withLine2 = new ShippingAddress("Ada", "1 Main St", "Apt 2", "Berlin", null, "10115", "DE");
        assertThat(webhook.accept(TestOrders.figure("awd_2", withLine2, null), NOW).claimedEventData())
                .containsOnlyKeys("shipping")
                .containsEntry("shipping", Map.of("name", "Ada", "line1", "1 Main St", "line2", "Apt 2",
                        "city", "Berlin", "postalCode", "10115", "country", "DE"));

        Acceptance bare = webhook.accept(TestOrders.figure("awd_3", null, null), NOW);
        assertThat(bare.decision()).isEqualTo(Decision.SUBMITTED);
        assertThat(bare.claimedEventData()).isEmpty();
    }
}
