package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/events/batch}: events recorded together, their completions paid together, against PostgreSQL. The
 * budget holds exactly however the events are grouped, and each event gets its own answer.
 */
@QuarkusTest
class BatchEventsTest {

    private static String hotMoment(Api partner, String total) {
        String reward = partner.createReward("5.00");
        String id = partner.request().body(Map.of(
                        "name", "Order",
                        "trigger", Map.of("kind", "event", "event", "order.completed"),
                        "budget", Map.of("currency", "USD", "total", total, "costPerAction", "10.00"),
                        "rewards", List.of(reward)))
                .post("/v1/moments").then().statusCode(201).extract().path("id");
        return partner.launch(id);
    }

    private static Map<String, Object> order(String user) {
        return Map.of("id", Api.uniqueId("evt-"), "type", "order.completed", "userId", user);
    }

    @Test
    void givenBudgetForFifty_twoHundredUsersInEightConcurrentBatches_exactlyFiftyArePaid_everyRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                Api partner = Api.newPartner();
                String moment = hotMoment(partner, "500.00");
                List<Callable<Response>> calls = new ArrayList<>();
                for (int b = 0; b < 8; b++) {
                    List<Map<String, Object>> events = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        events.add(order("u-" + b + "-" + i));
                    }
                    calls.add(() -> partner.request().body(Map.of("events", events)).post("/v1/events/batch"));
                }
                long awards = 0;
                for (Future<Response> future : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
                    Response response = future.get();
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                    List<Map<String, Object>> results = response.jsonPath().getList("results");
                    assertThat(results).hasSize(25).allSatisfy(result -> assertThat(result).containsKey("eventId"));
                    awards += response.jsonPath().getList("results.awards.flatten()").size();
                }
                assertThat(awards).as("round %d", round).isEqualTo(50);
                partner.moment(moment).body("status", equalTo("EXHAUSTED"))
                        .body("budgetState.reserved", equalTo("500.00"));
                Ledgers.assertBalanced(partner, moment);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchAnswersEachEventOnItsOwn_aReplay_aConflict_aBadEvent_andTheRest() {
        Api partner = Api.newPartner();
        String moment = hotMoment(partner, "100.00");
        String earlier = partner.request().body(order("u-0")).post("/v1/events").then().statusCode(200)
                .extract().path("eventId");

        JsonPath answer = partner.request().body(Map.of("events", List.of(
                        Map.of("id", earlier, "type", "order.completed", "userId", "u-0"),
                        Map.of("id", "evt-twice", "type", "order.completed", "userId", "u-1"),
                        Map.of("id", "evt-twice", "type", "order.completed", "userId", "u-2"),
                        Map.of("id", "evt-no-user", "type", "order.completed"),
                        Map.of("id", "evt-future", "type", "order.completed", "userId", "u-3",
                                "occurredAt", "2100-01-01T00:00:00Z"),
                        order("u-4"))))
                .post("/v1/events/batch").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getBoolean("results[0].duplicate")).isTrue();
        assertThat(answer.getList("results[1].awards")).hasSize(1);
        assertThat(answer.getInt("results[2].status")).isEqualTo(409);
        assertThat(answer.getInt("results[3].status")).isEqualTo(422);
        assertThat(answer.getInt("results[4].status")).isEqualTo(422);
        assertThat(answer.getList("results[5].awards")).hasSize(1);
        partner.moment(moment).body("budgetState.reserved", equalTo("30.00"));
        Ledgers.assertBalanced(partner, moment);
    }
}
