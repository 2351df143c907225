package dev.moments.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.domain.reward.FulfillmentProvider;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A provider that delivers in the claim is never asked for a submission; if it is, it refuses for good. */
class FulfillmentGatewayTest {

    @Test
    void aGatewayThatDeliversInTheClaimRefusesASubmissionForGood() {
        FulfillmentGateway sandbox = new FulfillmentGateway() {
            @Override
            public FulfillmentProvider provider() {
                return FulfillmentProvider.SANDBOX;
            }

            @Override
            public Acceptance accept(Order order, Instant at) {
                throw new UnsupportedOperationException("not asked here");
            }
        };

        Submission submission = sandbox.submit(null);

        assertThat(submission.outcome()).isEqualTo(FulfillmentGateway.Outcome.PERMANENT_FAILURE);
        assertThat(submission.reason()).contains("sandbox provider delivers in the claim");
    }
}
