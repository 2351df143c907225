package dev.moments.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.moments.application.port.in.RetryFulfillmentsUseCase;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claims of {@code http} rewards against a fake provider on the port the test profile configures: the claim answers
 * CLAIMED at once (never the provider's answer, never FAILED), the order is submitted once in the background after the
 * claim committed and its answer applied, callbacks move the delivery on, a refusal fails and refunds. What happens in
 * the background is awaited by polling the award ({@link Eventually}).
 */
@QuarkusTest
class HttpFulfillmentTest {

    /** {@code %test.quarkus.rest-client.reward-provider.url} points here. */
    static final int PORT = 18089;
    static final String SECRET = "whsec_test";

    static WireMockServer provider;

    @BeforeAll
    static void startTheProvider() {
        provider = new WireMockServer(options().port(PORT));
        provider.start();
    }

    @AfterAll
    static void stopTheProvider() {
        provider.stop();
    }

    /** The provider answers the order of this award with {@code status} and {@code body}. */
    private static void answer(String awardId, int status, String body) {
        provider.stubFor(post(urlEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.externalId",
                equalTo(awardId))).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static int ordersFor(String awardId) {
        return provider.findAll(postRequestedFor(urlEqualTo("/v1/orders"))
                .withHeader("Idempotency-Key", equalTo(awardId))).size();
    }

    @Inject
    ClaimRepository claims;

    /** The award as the partner sees it. */
    private static JsonPath view(Api partner, String awardId) {
        return partner.request().get("/v1/awards/" + awardId).then().statusCode(200).extract().jsonPath();
    }

    /** The award once its status is {@code status}: the background submission's answer was applied. */
    private static JsonPath awaitStatus(Api partner, String awardId, String status) {
        return Eventually.until("award " + awardId + " " + status, () -> view(partner, awardId),
                view -> status.equals(view.getString("status")));
    }

    /** The stored delivery once {@code attempts} submissions of it got an answer stored. */
    private ClaimRecord awaitAttempts(String awardId, int attempts) {
        return Eventually.until(attempts + " submission(s) of " + awardId + " answered",
                () -> claims.find(new AwardId(awardId)).orElseThrow(), claim -> claim.attempts() >= attempts);
    }

    /** A claim answers at once: CLAIMED, its delivery PENDING, whatever the provider will say. */
    private static void claimedAtOnce(io.restassured.response.ValidatableResponse claim) {
        claim.statusCode(200).body("status", Matchers.equalTo("CLAIMED")).body("code", Matchers.nullValue());
    }

    private static io.restassured.response.ValidatableResponse callback(String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return given().contentType("application/json").header("Moments-Provider-Signature", "t=" + t + ",v1=" + v1)
                .body(body).post("/callbacks/providers/http").then();
    }

    @Test
    void anAcceptedOrderIsFulfillingUntilTheProviderCallsBack() throws Exception {
        Api acme = Api.newPartner();
        String figure = Claims.reward(acme, "PHYSICAL", "8.00", "http", List.of("US"));
        String moment = Claims.moment(acme, "100.00", figure);
        Claims.Award award = Claims.award(acme, moment, "u-1");
        answer(award.id(), 201, "{\"id\":\"ord_1\",\"status\":\"SUBMITTED\"}");

        claimedAtOnce(Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS, "email",
                "ada@example.com")));

        awaitStatus(acme, award.id(), "FULFILLING");
        assertThat(ordersFor(award.id())).isEqualTo(1);
        var order = provider.findAll(postRequestedFor(urlEqualTo("/v1/orders"))
                .withHeader("Idempotency-Key", equalTo(award.id()))).get(0);
        assertThat(order.getHeader("Authorization")).isEqualTo("Bearer test-provider-key");
        JsonPath body = JsonPath.from(order.getBodyAsString());
        assertThat(body.getString("amount")).isEqualTo("8.00");
        assertThat(body.getString("recipient.shipping.postalCode")).isEqualTo("62701");
        assertThat(body.getString("recipient.email")).isEqualTo("ada@example.com");
        acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("FULFILLING"))
                .body("delivery.status", Matchers.equalTo("SUBMITTED"));

        String fulfilled = "{\"orderId\":\"ord_1\",\"externalId\":\"" + award.id()
                + "\",\"status\":\"FULFILLED\",\"code\":\"TRACK-42\"}";
        callback(fulfilled).statusCode(200).body("result", Matchers.equalTo("APPLIED"));
        callback(fulfilled).statusCode(200).body("result", Matchers.equalTo("DUPLICATE"));
        callback("{\"externalId\":\"" + award.id() + "\",\"status\":\"FAILED\"}").statusCode(200)
                .body("result", Matchers.equalTo("IGNORED"));

        JsonPath view = acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("FULFILLED"))
                .body("delivery.code", Matchers.equalTo("TRACK-42")).extract().jsonPath();
        assertThat(view.getList("history.status")).containsExactly("EARNED", "CLAIMED", "FULFILLING", "FULFILLED");
        Claims.preview(award.token()).statusCode(200).body("delivery.status", Matchers.equalTo("FULFILLED"))
                .body("delivery.code", Matchers.equalTo("TRACK-42"));
        acme.moment(moment).body("budgetState.spent", Matchers.equalTo("8.00"));
        Ledgers.assertBalanced(acme, moment);
        assertThat(ordersFor(award.id())).isEqualTo(1);
    }

    @Test
    void anOrderDeliveredAtOnceIsFulfilledWithItsCode() {
        Api acme = Api.newPartner();
        String card = Claims.reward(acme, "DIGITAL_CODE", "5.00", "http", List.of());
        String moment = Claims.moment(acme, "100.00", card);
        Claims.Award award = Claims.award(acme, moment, "u-1");
        answer(award.id(), 201, "{\"id\":\"ord_2\",\"status\":\"FULFILLED\",\"code\":\"GIFT-77\"}");

        claimedAtOnce(Claims.claim(award.token(), card));

        JsonPath fulfilled = awaitStatus(acme, award.id(), "FULFILLED");
        assertThat(fulfilled.getString("delivery.code")).isEqualTo("GIFT-77");
        assertThat(fulfilled.getList("history.status")).containsExactly("EARNED", "CLAIMED", "FULFILLED");
        given().get("/r/" + award.token() + "/status").then().statusCode(200)
                .body("status", Matchers.equalTo("FULFILLED")).body("final", Matchers.equalTo(true))
                .body("code", Matchers.equalTo("GIFT-77"));
        Ledgers.assertBalanced(acme, moment);
    }

    @Test
    void aRefusedOrderFailsTheAwardAndRefundsTheCost() {
        Api acme = Api.newPartner();
        String card = Claims.reward(acme, "CREDIT", "5.00", "http", List.of());
        String moment = Claims.moment(acme, "100.00", card);
        Claims.Award award = Claims.award(acme, moment, "u-1");
        answer(award.id(), 422, "{\"message\":\"unknown product\"}");

        claimedAtOnce(Claims.claim(award.token(), card));

        awaitStatus(acme, award.id(), "FAILED");
        assertThat(ordersFor(award.id())).isEqualTo(1);
        JsonPath view = acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("FAILED"))
                .body("delivery.status", Matchers.equalTo("FAILED"))
                .body("delivery.reason", Matchers.containsString("unknown product")).extract().jsonPath();
        assertThat(view.getList("history.status")).containsExactly("EARNED", "CLAIMED", "FAILED");
        List<String> ledger = acme.request().get("/v1/moments/" + moment + "/ledger").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .map(item -> item.get("kind") + " " + item.get("amount")).toList();
        assertThat(ledger).containsExactly("TOP_UP 100.00", "RESERVE 10.00", "SETTLE 5.00", "RELEASE 5.00",
                "REFUND 5.00");
        acme.moment(moment).body("budgetState.spent", Matchers.equalTo("0.00"))
                .body("budgetState.remaining", Matchers.equalTo("100.00"));
        Ledgers.assertBalanced(acme, moment);
    }

    @Test
    void aProviderThatCannotTakeTheOrderNowLeavesItClaimedAndACallbackMayStillCome() throws Exception {
        Api acme = Api.newPartner();
        String card = Claims.reward(acme, "CREDIT", "5.00", "http", List.of());
        String moment = Claims.moment(acme, "100.00", card);
        Claims.Award award = Claims.award(acme, moment, "u-1");
        answer(award.id(), 503, "{\"message\":\"busy\"}");

        claimedAtOnce(Claims.claim(award.token(), card));

        assertThat(awaitAttempts(award.id(), 1).status()).isEqualTo(FulfillmentStatus.PENDING);
        assertThat(ordersFor(award.id())).isEqualTo(3); // the first attempt and the adapter's two immediate retries
        acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("CLAIMED"))
                .body("delivery.status", Matchers.equalTo("PENDING"));
        callback("{\"orderId\":\"ord_3\",\"externalId\":\"" + award.id() + "\",\"status\":\"SUBMITTED\"}")
                .statusCode(200).body("result", Matchers.equalTo("APPLIED"));
        acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("FULFILLING"))
                .body("delivery.status", Matchers.equalTo("SUBMITTED"));
        Ledgers.assertBalanced(acme, moment);
    }

    @Inject
    RetryFulfillmentsUseCase retries;

    @Test
    void aProviderTooSlowForTheClient_isAskedAgainByTheRetryJob_withTheSameKey_andTheAwardIsFulfilledOnce()
            throws Exception {
        Api acme = Api.newPartner();
        String card = Claims.reward(acme, "DIGITAL_CODE", "5.00", "http", List.of());
        String moment = Claims.moment(acme, "100.00", card);
        Claims.Award award = Claims.award(acme, moment, "u-1");
        // the provider makes the order but answers after the client gave up (timeout 2 s in the test profile)
        provider.stubFor(post(urlEqualTo("/v1/orders")).withRequestBody(matchingJsonPath("$.externalId",
                equalTo(award.id()))).willReturn(aResponse().withStatus(201).withFixedDelay(2_500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"ord_9\",\"status\":\"SUBMITTED\"}")));

        claimedAtOnce(Claims.claim(award.token(), card));
        // answered before the provider: its first answer needs three timed-out attempts of 2 s
        ClaimRecord atAnswer = claims.find(new AwardId(award.id())).orElseThrow();
        assertThat(atAnswer.status()).isEqualTo(FulfillmentStatus.PENDING);
        assertThat(atAnswer.attempts()).isZero();
        acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("CLAIMED"))
                .body("delivery.status", Matchers.equalTo("PENDING"));
        ClaimRecord failedForNow = awaitAttempts(award.id(), 1);
        assertThat(failedForNow.status()).isEqualTo(FulfillmentStatus.PENDING);
        assertThat(failedForNow.reason()).contains("did not answer within");

        // later the provider answers at once for that key: the order it already holds, delivered; the retry job
        // submits it again once it is due (1 s after the failure in the test profile)
        answer(award.id(), 200, "{\"id\":\"ord_9\",\"status\":\"FULFILLED\",\"code\":\"GIFT-99\"}");
        Eventually.until("the retry job's submission of " + award.id(), () -> {
            retries.retryDue(50);
            return view(acme, award.id());
        }, view -> "FULFILLED".equals(view.getString("status")));

        acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", Matchers.equalTo("FULFILLED"))
                .body("delivery.code", Matchers.equalTo("GIFT-99"));
        int requests = ordersFor(award.id());
        assertThat(requests).as("every request carried the award id as its idempotency key")
                .isEqualTo(provider.findAll(postRequestedFor(urlEqualTo("/v1/orders"))
                        .withRequestBody(matchingJsonPath("$.externalId", equalTo(award.id())))).size())
                .isGreaterThanOrEqualTo(2);
        // nothing left to retry for it, and a late duplicate callback changes nothing
        retries.retryDue(50);
        assertThat(ordersFor(award.id())).isEqualTo(requests);
        callback("{\"orderId\":\"ord_9\",\"externalId\":\"" + award.id() + "\",\"status\":\"FULFILLED\","
                + "\"code\":\"GIFT-99\"}").statusCode(200).body("result", Matchers.equalTo("DUPLICATE"));
        List<String> statuses = acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .extract().jsonPath().getList("history.status");
        assertThat(statuses).containsExactly("EARNED", "CLAIMED", "FULFILLED");
        Ledgers.assertBalanced(acme, moment);
    }
}
