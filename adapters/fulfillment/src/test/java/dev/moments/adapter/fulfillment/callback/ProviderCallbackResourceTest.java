package dev.moments.adapter.fulfillment.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.moments.adapter.fulfillment.http.FakeFulfillmentReports;
import dev.moments.adapter.fulfillment.http.FakeProviderResource;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Report;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's signed status callbacks, received over HTTP and reported to a fake of the application's use case. */
@QuarkusTest
@WithTestResource(FakeProviderResource.class)
class ProviderCallbackResourceTest {

    private static final String PATH = "/callbacks/providers/http";
    private static final String FULFILLED =
            "{\"orderId\": \"ord_1\", \"externalId\": \"awd_cb1\", \"status\": \"FULFILLED\", \"code\": \"GIFT-1\"}";

    @Inject
    FakeFulfillmentReports reports;

    @BeforeEach
    void oneSubmittedAward() {
        reports.reset();
        reports.awardSubmitted("awd_cb1");
    }

    private static String signature(String body, long timestamp) {
        return CallbackSignature.sign(FakeProviderResource.CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), timestamp,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String freshSignature(String body) {
        return signature(body, Instant.now().getEpochSecond());
    }

    private static ValidatableResponse send(String body, String signature) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header(CallbackSignature.HEADER, signature);
        }
        return request.when().post(PATH).then();
    }

    @Test
    void aSignedCallbackIsReportedOnce_withTheAwardStatusOrderAndCode() {
        send(FULFILLED, freshSignature(FULFILLED)).statusCode(200).body("result", equalTo("APPLIED"));

        assertThat(reports.received()).containsExactly(new Report(new AwardId("awd_cb1"), null,
                FulfillmentStatus.FULFILLED, "ord_1", "GIFT-1", null));
        assertThat(reports.status("awd_cb1")).isEqualTo(FulfillmentStatus.FULFILLED);
    }

    @Test
    void duplicateCallbacksAreBothAnswered200_andTheAwardIsFulfilledOnce() {
        String signature = freshSignature(FULFILLED);

        send(FULFILLED, signature).statusCode(200).body("result", equalTo("APPLIED"));
        send(FULFILLED, signature).statusCode(200).body("result", equalTo("DUPLICATE"));

        assertThat(reports.received()).hasSize(2);
        assertThat(reports.applied()).singleElement()
                .satisfies(report -> assertThat(report.status()).isEqualTo(FulfillmentStatus.FULFILLED));
    }

    @Test
    void aLateFailureAfterTheDeliveryIsAnswered200_andChangesNothing() {
        String failed = "{\"orderId\": \"ord_1\", \"externalId\": \"awd_cb1\", \"status\": \"FAILED\","
                + " \"reason\": \"carrier lost it\"}";
        send(FULFILLED, freshSignature(FULFILLED)).statusCode(200);

        send(failed, freshSignature(failed)).statusCode(200).body("result", equalTo("IGNORED"));

        assertThat(reports.status("awd_cb1")).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(reports.applied()).hasSize(1);
    }

    @Test
    void aFailureCarriesTheProvidersReason_orSaysThatItGaveNone() {
        reports.awardSubmitted("awd_cb2");
        String withReason = "{\"orderId\": \"ord_1\", \"externalId\": \"awd_cb1\", \"status\": \"failed\","
                + " \"reason\": \"address undeliverable\"}";
        String withoutReason = "{\"externalId\": \"awd_cb2\", \"status\": \"FAILED\"}";

        send(withReason, freshSignature(withReason)).statusCode(200);
        send(withoutReason, freshSignature(withoutReason)).statusCode(200);

        assertThat(reports.received()).containsExactly(
                new Report(new AwardId("awd_cb1"), null, FulfillmentStatus.FAILED, "ord_1", null,
                        "address undeliverable"),
                new Report(new AwardId("awd_cb2"), null, FulfillmentStatus.FAILED, null, null,
                        ProviderCallbackResource.NO_REASON));
    }

    @Test
    void aWrongSignatureIsRefused401_andNothingIsReported() {
        String wrong = CallbackSignature.sign("not-the-secret".getBytes(StandardCharsets.UTF_8),
                Instant.now().getEpochSecond(), FULFILLED.getBytes(StandardCharsets.UTF_8));

        send(FULFILLED, wrong).statusCode(401).contentType("application/problem+json");

        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aSignatureOfAnotherBodyIsRefused401() {
        String tampered = FULFILLED.replace("GIFT-1", "GIFT-2");

        send(tampered, freshSignature(FULFILLED)).statusCode(401);

        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aReplayedCallbackOlderThanFiveMinutesIsRefused401() {
        send(FULFILLED, signature(FULFILLED, Instant.now().minusSeconds(301).getEpochSecond())).statusCode(401)
                .body("detail", equalTo("the signature's timestamp is outside the accepted window"));

        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aMissingOrMalformedSignatureIsRefused401() {
        send(FULFILLED, null).statusCode(401);
        send(FULFILLED, "v1=abc").statusCode(401);

        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aCallbackForAnUnknownAwardIsAnswered404() {
        String unknown = "{\"orderId\": \"ord_x\", \"externalId\": \"awd_nobody\", \"status\": \"FULFILLED\"}";

        send(unknown, freshSignature(unknown)).statusCode(404);
    }

    @Test
    void aSignedCallbackThatIsNotOneIsAnswered400_andNothingIsReported() {
        String noAward = "{\"orderId\": \"ord_1\", \"status\": \"FULFILLED\"}";
        String unknownStatus = "{\"externalId\": \"awd_cb1\", \"status\": \"SHIPPED\"}";
        String notJson = "status=FULFILLED";

        send(noAward, freshSignature(noAward)).statusCode(400);
        send(unknownStatus, freshSignature(unknownStatus)).statusCode(400);
        send(notJson, freshSignature(notJson)).statusCode(400);

        assertThat(reports.received()).isEmpty();
    }
}
