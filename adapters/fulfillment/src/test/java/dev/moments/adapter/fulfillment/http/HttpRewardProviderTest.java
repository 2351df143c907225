package dev.moments.adapter.fulfillment.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.moments.application.port.out.FulfillmentGateway.Outcome;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.domain.reward.FulfillmentProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http provider against a fake provider on localhost: the protocol, its failures, and one order per award. */
@QuarkusTest
@WithTestResource(FakeProviderResource.class)
class HttpRewardProviderTest {

    private static final String FIGURE_ORDER_JSON = """
            { "externalId": "awd_figure1",
              "reward": { "id": "rwd_figure", "name": "Collectible figure", "kind": "PHYSICAL" },
              "amount": "8.00", "currency": "USD",
              "recipient": { "userId": "u-42", "email": "ada@example.com",
                             "shipping": { "name": "Ada Lovelace", "line1": "1 Main St", "city": "Springfield",
                                           "region": "IL", "postalCode": "62701", "country": "US" } } }
            """;

    @Inject
    HttpRewardProvider gateway;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    WireMockServer server;

    FakeRewardProvider provider;

    private static boolean warm;

    @BeforeEach
    void freshProvider() {
        if (!server.isRunning()) {
            server.start();
        }
        if (!warm) {
            // the first request of a cold JVM can take longer than the short timeout of these tests
            server.stubFor(post("/orders").willReturn(aResponse().withStatus(201).withBody("{\"id\": \"ord_0\"}")));
            assertThat(gateway.submit(Orders.giftCard("awd_warm_up")).outcome()).isEqualTo(Outcome.SUBMITTED);
            warm = true;
        }
        server.resetAll();
        provider.reset();
        circuitBreakers.resetAll();
    }

    private void stubTheFakeProvider() {
        server.stubFor(any(urlPathEqualTo("/orders"))
                .willReturn(aResponse().withTransformers(FakeRewardProvider.NAME)));
    }

    private List<LoggedRequest> orderRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/orders")));
    }

    @Test
    void speaksForTheHttpProvider() {
        assertThat(gateway.provider()).isEqualTo(FulfillmentProvider.HTTP);
    }

    @Test
    void anOrderIsCreatedWithTheAwardIdAsIdempotencyKey_theApiKey_andTheProtocolBody() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"ord_123\", \"status\": \"SUBMITTED\"}")));

        Submission submission = gateway.submit(Orders.figure("awd_figure1"));

        assertThat(submission).isEqualTo(Submission.submitted("ord_123"));
        server.verify(1, postRequestedFor(urlEqualTo("/orders"))
                .withHeader("Idempotency-Key", equalTo("awd_figure1"))
                .withHeader("Authorization", equalTo("Bearer " + FakeProviderResource.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(FIGURE_ORDER_JSON)));
    }

    @Test
    void anOrderDeliveredAtOnceIsFulfilledWithItsCode_andARewardWithoutAddressOrEmailSendsNeither() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"ord_9\", \"status\": \"FULFILLED\", \"code\": \"GIFT-5-XYZ\"}")));

        Submission submission = gateway.submit(Orders.giftCard("awd_card1"));

        assertThat(submission).isEqualTo(Submission.fulfilled("ord_9", "GIFT-5-XYZ"));
        server.verify(1, postRequestedFor(urlEqualTo("/orders"))
                .withHeader("Idempotency-Key", equalTo("awd_card1"))
                .withRequestBody(equalToJson("""
                        { "externalId": "awd_card1",
                          "reward": { "id": "rwd_card", "name": "$5 gift card", "kind": "DIGITAL_CODE" },
                          "amount": "5.00", "currency": "USD", "recipient": { "userId": "u-7" } }
                        """)));
    }

    @Test
    void aServerErrorIsRetryable_afterImmediateRetriesWithTheSameKeyAndBody() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"database down\"}")));

        Submission submission = gateway.submit(Orders.giftCard("awd_err1"));

        assertThat(submission.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
        assertThat(submission.reason()).contains("500").contains("database down");
        List<LoggedRequest> requests = orderRequests();
        assertThat(requests).hasSize(3); // the first attempt and moments.providers.http.max-retries = 2
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("awd_err1");
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.get(0).getBodyAsString());
    }

    @Test
    void aRefusalIsPermanent_withTheProvidersMessage_andIsNotRetried() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"reward rwd_figure does not ship to US\"}}")));

        Submission submission = gateway.submit(Orders.figure("awd_figure1"));

        assertThat(submission.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(submission.reason()).isEqualTo(
                "the http provider refused the order (400): reward rwd_figure does not ship to US");
        assertThat(orderRequests()).hasSize(1);
    }

    @Test
    void refusedCredentialsAreRetryable_becauseTheyDoNotConcernTheOrder() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(401).withBody("invalid API key")));

        Submission submission = gateway.submit(Orders.giftCard("awd_key1"));

        assertThat(submission.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
        assertThat(submission.reason()).contains("401").contains("invalid API key");
    }

    @Test
    void aConflictOnTheKeyAdoptsTheOrderAlreadyMadeForTheAward() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(409)
                .withBody("{\"message\": \"Idempotency-Key reused with a different body\"}")));
        server.stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"items\": [{\"id\": \"ord_first\", \"status\": \"SUBMITTED\"}]}")));

        Submission submission = gateway.submit(Orders.giftCard("awd_conflict1"));

        assertThat(submission).isEqualTo(Submission.submitted("ord_first"));
        server.verify(1, getRequestedFor(urlEqualTo("/orders?externalId=awd_conflict1"))
                .withHeader("Authorization", equalTo("Bearer " + FakeProviderResource.API_KEY)));
    }

    @Test
    void anOrderTheProviderAlreadyFailedIsAPermanentFailureWithItsReason() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"ord_7\", \"status\": \"FAILED\", \"reason\": \"out of stock\"}")));

        Submission submission = gateway.submit(Orders.giftCard("awd_failed1"));

        assertThat(submission).isEqualTo(Submission.permanent("the http provider's order ord_7 failed: out of stock"));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetriedWithTheSameKey_andTheProviderHoldsOneOrder() {
        stubTheFakeProvider();
        provider.answersSlowly(1, 2_500); // makes the order, but answers after the client gave up (timeout 1 s)

        Submission submission = gateway.submit(Orders.giftCard("awd_slow1"));

        assertThat(submission).isEqualTo(Submission.submitted("ord_1"));
        assertThat(provider.keysReceived()).hasSizeGreaterThanOrEqualTo(2).containsOnly("awd_slow1");
        assertThat(provider.orders()).singleElement()
                .satisfies(order -> assertThat(order.key()).isEqualTo("awd_slow1"));
    }

    @Test
    void whenEveryAttemptTimesOut_itIsRetryable_andTheNextSubmissionFindsTheOneOrder() {
        stubTheFakeProvider();
        provider.answersSlowly(3, 2_500);

        Submission first = gateway.submit(Orders.giftCard("awd_slow2", 1));

        assertThat(first.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
        assertThat(first.reason()).isEqualTo("the http provider did not answer within 1 s");
        assertThat(Thread.currentThread().isInterrupted()).as("the caller's thread is left uninterrupted").isFalse();

        Submission later = gateway.submit(Orders.giftCard("awd_slow2", 2)); // the job's retry

        assertThat(later).isEqualTo(Submission.submitted("ord_1"));
        assertThat(provider.keysReceived()).hasSizeGreaterThanOrEqualTo(4).containsOnly("awd_slow2");
        assertThat(provider.orders()).hasSize(1);
    }

    @Test
    void aServerErrorAfterTheOrderWasMadeIsRetried_andTheProviderHoldsOneOrder() {
        stubTheFakeProvider();
        provider.fulfilsAtOnceWithCode("CODE-1");
        provider.failsAfterMakingTheOrder(1);

        Submission submission = gateway.submit(Orders.giftCard("awd_lost1"));

        assertThat(submission).isEqualTo(Submission.fulfilled("ord_1", "CODE-1"));
        assertThat(provider.keysReceived()).hasSizeGreaterThanOrEqualTo(2).containsOnly("awd_lost1");
        assertThat(provider.orders()).hasSize(1);
    }

    @Test
    void concurrentSubmissionsOfOneAward_makeOneOrder() throws Exception {
        stubTheFakeProvider();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Submission>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int attempt = i + 1;
                results.add(pool.submit((Callable<Submission>) () ->
                        gateway.submit(Orders.giftCard("awd_race1", attempt))));
            }
            for (Future<Submission> result : results) {
                assertThat(result.get()).isEqualTo(Submission.submitted("ord_1"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(provider.keysReceived()).hasSizeGreaterThanOrEqualTo(4).containsOnly("awd_race1");
        assertThat(provider.orders()).hasSize(1);
    }

    @Test
    void anUnreachableProviderIsRetryable() {
        server.stop(); // the port is now closed: connections are refused
        try {
            Submission submission = gateway.submit(Orders.giftCard("awd_down1"));

            assertThat(submission.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
            assertThat(submission.reason()).startsWith("the http provider could not be reached");
        } finally {
            server.start(); // on the same port
        }
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpens_andTheProviderIsNoLongerCalled() {
        server.stubFor(post("/orders").willReturn(aResponse().withStatus(503)));

        Submission submission = null;
        for (int i = 0; i < 6 && (submission == null || !submission.reason().contains("circuit")); i++) {
            submission = gateway.submit(Orders.giftCard("awd_cb" + i));
            assertThat(submission.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
        }
        assertThat(submission.reason()).contains("circuit is open");
        assertThat(circuitBreakers.currentState(HttpRewardProvider.CIRCUIT_BREAKER))
                .isEqualTo(CircuitBreakerState.OPEN);
        int callsWhenItOpened = orderRequests().size();
        assertThat(callsWhenItOpened).isGreaterThanOrEqualTo(10);

        Submission whileOpen = gateway.submit(Orders.giftCard("awd_cb_next"));

        assertThat(whileOpen.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
        assertThat(whileOpen.reason()).contains("circuit is open");
        assertThat(orderRequests()).hasSize(callsWhenItOpened);
    }
}
