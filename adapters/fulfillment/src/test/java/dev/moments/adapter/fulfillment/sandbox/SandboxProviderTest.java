package dev.moments.adapter.fulfillment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.fulfillment.TestOrders;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Decision;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxProviderTest {

    private final SandboxProvider sandbox = new SandboxProvider();

    @Test
    void everyClaimIsDeliveredAtOnceWithNothingHandedOut() {
        Acceptance acceptance = sandbox.accept(TestOrders.figure("awd_1", TestOrders.ADDRESS, "ada@example.com"),
                Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(sandbox.provider()).isEqualTo(FulfillmentProvider.SANDBOX);
        assertThat(acceptance.decision()).isEqualTo(Decision.FULFILLED);
        assertThat(acceptance.delivery()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(acceptance.code()).isNull();
        assertThat(acceptance.sharesClaim()).as("no personal data in the event").isFalse();
        assertThat(sandbox.unavailable(List.of(new RewardId("rwd_1")))).isEmpty();
    }
}
