package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.domain.reward.RewardId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The retry job submits the due deliveries of every provider, a batch at most a round. */
class RetryFulfillmentsServiceTest extends ClaimTestSupport {

    @Test
    void aRoundSubmitsAtMostItsBatch_acrossProviders() {
        RewardId card = reward("http");
        RewardId figure = reward("PHYSICAL", "8.00", "webhook", Set.of());
        app.webhookProvider.accepting(Acceptance.pending(), Acceptance.pending());
        live("100.00", null, card, figure);
        app.redemption.claim(earn("u-1"), new Claim(card, null, null));
        app.redemption.claim(earn("u-2"), new Claim(figure, ADDRESS, null));
        app.redemption.claim(earn("u-3"), new Claim(figure, ADDRESS, null));
        app.clock.advance(DeliverySubmissions.RETRY_LEASE); // the claims' own submissions never ran

        assertThat(app.retryFulfillments.retryDue(2)).isEqualTo(2);
        assertThat(app.retryFulfillments.retryDue(2)).isEqualTo(1);
    }
}
