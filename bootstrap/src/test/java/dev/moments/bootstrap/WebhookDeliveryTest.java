package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Relay;
import dev.moments.application.port.in.DispatchWebhooksUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.service.AwardLinks;
import dev.moments.application.service.OutboxRelayService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries end to end, to receivers on this machine (private targets allowed in this profile) with a retry
 * schedule of 100 ms steps: events raised by real awards, relayed from the outbox into deliveries, sent by the dispatch
 * job, checked by the receiver with the official Standard Webhooks library.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.LocalReceivers.class)
class WebhookDeliveryTest {

    /** Receivers on this machine, a short schedule (5 attempts), a quick job, and a clock a test can move. */
    public static class LocalReceivers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.moments.webhooks.allow-private-targets", "true",
                    "%test.moments.webhooks.retry-schedule", "100ms,100ms,100ms,100ms",
                    "%test.moments.webhooks.retry-for", "PT0S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ShiftedClock.class);
        }
    }

    @Inject
    DomainEventOutbox outbox;
    @Inject
    @Any
    Instance<OutboxSink> sinks;
    @Inject
    Clock clock;
    @Inject
    ShiftedClock shiftedClock;
    @Inject
    TransactionRunner transactions;
    @Inject
    AwardLinks links;
    @Inject
    DispatchWebhooksUseCase dispatch;

    private OutboxRelayService relay;
    private WebhookReceiver receiver;
    private Api acme;
    private String moment;

    @BeforeEach
    void start() throws Exception {
        relay = new OutboxRelayService(outbox, sinks.stream().toList(), links, clock, transactions,
                Duration.ofDays(7));
        receiver = new WebhookReceiver();
        acme = Api.newPartner();
        moment = Claims.moment(acme, "1000.00", Map.of(),
                Claims.reward(acme, "CREDIT", "5.00", "sandbox", List.of()));
    }

    @AfterEach
    void stop() {
        receiver.close();
        shiftedClock.reset();
    }

    @Test
    void aLocalhostReceiverFailingTheFirstThreeAttemptsGetsTheDeliveryOnTheFourth_withASignatureTheStandardWebhooksVerifierAccepts()
            throws Exception {
        receiver.answer("/a", 500, 500, 503);
        String secret = register("/a", List.of("award.earned")).get("secret");
        MetricsScrape before = MetricsScrape.now();

        Claims.Award earned = Claims.award(acme, moment, "u-1");
        String award = earned.id();
        List<WebhookReceiver.Request> requests = Eventually.until("the fourth attempt, sent by the dispatch job", () -> {
            relay.relay(Relay.WEBHOOKS, 500);
            return receiver.received("/a");
        }, received -> received.size() >= 4);

        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(WebhookReceiver.Request::id).containsOnly(requests.get(0).id());
        assertThat(requests.get(0).id()).startsWith("evt_");
        assertThat(requests).extracting(WebhookReceiver.Request::body).containsOnly(requests.get(0).body());
        assertThat(requests.get(3).body()).contains("\"type\":\"award.earned\"").contains("\"id\":\"" + award + "\"")
                .as("the award as GET /v1/awards/{id} shows it, its link included")
                .containsPattern("\"redeemUrl\":\"http[^\"]+/r/" + earned.token() + "\"");
        assertThat(StandardWebhooksVerifier.verify(secret, requests.get(3))).isEqualTo("verified");
        MetricsScrape after = MetricsScrape.now();
        assertThat(after.minus(before, "moments_webhook_deliveries_total{result=\"failed\"}")).isGreaterThanOrEqualTo(3);
        assertThat(after.minus(before, "moments_webhook_deliveries_total{result=\"delivered\"}"))
                .isGreaterThanOrEqualTo(1);

        Map<String, Object> delivery = Eventually.until("the delivery recorded as DELIVERED",
                () -> deliveries(webhookOf("/a"), "DELIVERED"), found -> !found.isEmpty()).get(0);
        assertThat(delivery.get("eventId")).isEqualTo(requests.get(0).id());
        List<Map<String, Object>> attempts = attempts(delivery);
        assertThat(attempts).extracting(attempt -> attempt.get("statusCode")).containsExactly(500, 500, 503, 204);
        assertThat(attempts).extracting(attempt -> attempt.get("error")).containsExactly("answered HTTP 500",
                "answered HTTP 500", "answered HTTP 503", null);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(((Number) attempt.get("durationMs")).longValue()).isNotNegative();
            assertThat(attempt.get("at")).isNotNull();
        });
    }

    @Test
    void afterARotationDeliveriesCarryBothSignaturesFor24Hours_thenOnlyTheNewOne() throws Exception {
        Map<String, String> created = register("/b", List.of("award.earned"));
        String oldSecret = created.get("secret");
        String newSecret = acme.request().post("/v1/webhooks/" + created.get("id") + "/rotate-secret").then()
                .statusCode(200).extract().path("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

        Claims.award(acme, moment, "u-1");
        WebhookReceiver.Request during = relayUntil("/b", 1).get(0);
        assertThat(during.signature().split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verify(newSecret, during)).isEqualTo("verified");
        assertThat(StandardWebhooksVerifier.verify(oldSecret, during)).isEqualTo("verified");

        shiftedClock.advance(Duration.ofHours(24));
        Claims.award(acme, moment, "u-2");
        WebhookReceiver.Request after = relayUntil("/b", 2).get(1);
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(after.timestamp()));
        assertThat(sentAt).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(WebhookVerificationExampleTest.verify(newSecret, after.id(), after.timestamp(), after.signature(),
                after.body(), clock.now())).isTrue();
        assertThat(WebhookVerificationExampleTest.verify(oldSecret, after.id(), after.timestamp(), after.signature(),
                after.body(), clock.now())).isFalse();
    }

    @Test
    void aDisabledEndpointReceivesNothing() throws Exception {
        register("/on", List.of("*"));
        String off = register("/off", List.of("*")).get("id");
        acme.request().body(Map.of("enabled", false)).patch("/v1/webhooks/" + off).then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));

        Claims.award(acme, moment, "u-1");
        relayUntil("/on", 1);
        dispatch.dispatch();

        assertThat(receiver.received("/off")).isEmpty();
        assertThat(deliveries(off, null)).isEmpty();
    }

    @Test
    void theSecondEventOfAnAwardIsNotSentBeforeTheFirstSucceeded_evenThroughRetries() throws Exception {
        receiver.answer("/d", 500, 500);
        register("/d", List.of("award.earned", "award.cancelled"));

        String award = Claims.award(acme, moment, "u-1").id();
        acme.request().post("/v1/awards/" + award + "/cancel").then().statusCode(200);
        List<WebhookReceiver.Request> requests = relayUntil("/d", 4);

        assertThat(requests).extracting(request -> request.body().contains("\"type\":\"award.cancelled\""))
                .containsExactly(false, false, false, true);
    }

    @Test
    void aDeliveryFailsOnceTheScheduleIsUsedUp_andAManualRetrySendsItAgain() throws Exception {
        receiver.answer("/e", 500, 500, 500, 500, 500);
        String webhook = register("/e", List.of("award.earned")).get("id");

        Claims.award(acme, moment, "u-1");
        relayUntil("/e", 5);
        Map<String, Object> failed = Eventually.until("the delivery FAILED", () -> deliveries(webhook, "FAILED"),
                found -> !found.isEmpty()).get(0);
        assertThat(attempts(failed)).hasSize(5).allSatisfy(attempt ->
                assertThat(attempt.get("statusCode")).isEqualTo(500));
        assertThat(failed).doesNotContainKey("nextAttemptAt");

        acme.request().post("/v1/webhooks/" + webhook + "/deliveries/" + failed.get("id") + "/retry").then()
                .statusCode(202).body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        Map<String, Object> delivered = Eventually.until("the retried delivery DELIVERED",
                () -> deliveries(webhook, "DELIVERED"), found -> !found.isEmpty()).get(0);
        assertThat(attempts(delivered)).hasSize(6);
        assertThat(receiver.received("/e")).hasSize(6);
    }

    private Map<String, String> register(String path, List<String> events) {
        Map<String, Object> created = acme.request().body(Map.of("url", receiver.url(path), "events", events))
                .post("/v1/webhooks").then().statusCode(201).extract().jsonPath().getMap("");
        return Map.of("id", (String) created.get("id"), "secret", (String) created.get("secret"));
    }

    /**
     * Relays the outbox (as the relay job does) and dispatches (as the dispatch job does, at its pace of a round a
     * second; rounds run side by side safely) until the receiver's path got {@code count} requests.
     */
    private List<WebhookReceiver.Request> relayUntil(String path, int count) {
        return Eventually.until(path + " receiving " + count + " requests", () -> {
            relay.relay(Relay.WEBHOOKS, 500);
            dispatch.dispatch();
            return receiver.received(path);
        }, received -> received.size() >= count);
    }

    private String webhookOf(String path) {
        List<Map<String, Object>> items = acme.request().get("/v1/webhooks").then().statusCode(200).extract()
                .jsonPath().getList("items");
        return items.stream().filter(item -> receiver.url(path).equals(item.get("url"))).map(item -> (String) item
                .get("id")).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> deliveries(String webhook, String status) {
        return acme.request().queryParam("status", status == null ? "" : status)
                .get("/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attempts");
    }
}
