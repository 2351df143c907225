package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} counts what the contract names, from what committed: events by outcome with their time, awards by
 * moment, refusals by reason, money settled by currency, the outbox waiting per relay.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void eventsAreCountedByOutcome_withTheirTime_andWhatTheyCommitted() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "metric.hit"),
                Map.of("limits", Map.of("perUser", 1)));
        Map<String, Object> first = Map.of("id", "evt-m1", "type", "metric.hit", "userId", "u-1");
        MetricsScrape before = MetricsScrape.now();

        acme.request().body(first).post("/v1/events").then().statusCode(200);
        acme.request().body(first).post("/v1/events").then().statusCode(200);
        acme.request().body(Map.of("id", "evt-m1", "type", "metric.hit", "userId", "u-2")).post("/v1/events").then()
                .statusCode(409);
        acme.request().body(Map.of("id", "evt-m2", "type", "metric.hit", "userId", "u-1")).post("/v1/events").then()
                .statusCode(200);
        acme.request().body(Map.of("events", List.of(Map.of("id", "evt-m3", "type", "metric.hit", "userId", "u-3"))))
                .post("/v1/events/batch").then().statusCode(200);

        MetricsScrape after = MetricsScrape.now();
        assertThat(after.minus(before, "moments_events_total{outcome=\"recorded\"}")).isEqualTo(3);
        assertThat(after.minus(before, "moments_events_total{outcome=\"duplicate\"}")).isEqualTo(1);
        assertThat(after.minus(before, "moments_events_total{outcome=\"conflict\"}")).isEqualTo(1);
        assertThat(after.minus(before, "moments_event_seconds_count{outcome=\"recorded\"}")).isEqualTo(3);
        assertThat(after.value("moments_awards_total{moment=\"" + moment + "\"}")).as("u-1 once, u-3").isEqualTo(2);
        assertThat(after.minus(before, "moments_refusals_total{reason=\"LIMIT_PER_USER\"}")).as("u-1's second")
                .isEqualTo(1);
        assertThat(after.lines()).anyMatch(line -> line.startsWith("moments_event_seconds_bucket{"));
    }

    @Test
    void directAwardsAndTheirRefusalsAreCounted_claimsCountTheMoneySettled_andTheOutboxWaitingIsShown() {
        Api acme = Api.newPartner();
        String reward = Claims.reward(acme, "CREDIT", "5.00", "sandbox", List.of());
        String moment = Claims.moment(acme, "100.00", reward);
        MetricsScrape before = MetricsScrape.now();

        Claims.Award award = Claims.award(acme, moment, "u-1");
        acme.request().body(Map.of("userId", "u-1")).post("/v1/moments/" + moment + "/awards").then().statusCode(409);
        Claims.claim(award.token(), reward).statusCode(200);

        MetricsScrape after = MetricsScrape.now();
        assertThat(after.value("moments_awards_total{moment=\"" + moment + "\"}")).isEqualTo(1);
        assertThat(after.minus(before, "moments_refusals_total{reason=\"LIMIT_PER_USER\"}")).isEqualTo(1);
        assertThat(after.minus(before, "moments_spend_total{currency=\"USD\"}")).isEqualTo(5.0);
        // measured every 10 s in the background (NaN until the first measurement)
        for (String relay : new String[] {"broker", "webhooks"}) {
            String sample = "moments_outbox_pending{relay=\"" + relay + "\"}";
            assertThat(Eventually.until("the outbox measured for " + relay, () -> MetricsScrape.now().value(sample),
                    waiting -> !waiting.isNaN())).isGreaterThanOrEqualTo(0);
        }
    }
}
