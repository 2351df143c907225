package dev.moments.adapter.fulfillment.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.fulfillment.callback.CallbackSignature;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.reward.FulfillmentProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Without any moments.providers.http or reward-provider settings the application starts with its four providers, and
 * the http one says it has no provider.
 */
@QuarkusTest
class NoProviderConfiguredTest {

    @Inject
    @Any
    Instance<FulfillmentGateway> gateways;

    @Inject
    FakeFulfillmentReports reports;

    @Test
    void everyProviderIsAFulfillmentGatewayBean_andTheHttpOneRefusesOrdersForGood() {
        assertThat(gateways.stream().map(FulfillmentGateway::provider))
                .containsExactlyInAnyOrder(FulfillmentProvider.values());
        FulfillmentGateway http = gateways.stream().filter(g -> g.provider() == FulfillmentProvider.HTTP)
                .findFirst().orElseThrow();

        assertThat(http.accept(Orders.giftCard("awd_nowhere"), Instant.now()).decision())
                .as("the claim never waits for the provider").isEqualTo(FulfillmentGateway.Decision.PENDING);
        Submission submission = http.submit(Orders.giftCard("awd_nowhere"));

        assertThat(submission).isEqualTo(Submission.permanent("no http provider configured"));
    }

    @Test
    void callbacksAreRefusedWithoutASecret() {
        reports.reset();
        reports.awardSubmitted("awd_cb1");
        String body = "{\"externalId\": \"awd_cb1\", \"status\": \"FULFILLED\"}";
        String signature = CallbackSignature.sign("anything".getBytes(StandardCharsets.UTF_8),
                Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));

        given().contentType("application/json").header(CallbackSignature.HEADER, signature).body(body)
                .when().post("/callbacks/providers/http")
                .then().statusCode(401);

        assertThat(reports.received()).isEmpty();
    }
}
