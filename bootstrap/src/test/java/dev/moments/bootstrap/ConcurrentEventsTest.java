package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
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

/** Qualifying events that arrive at once never overspend the budget nor pay one user twice. */
@QuarkusTest
class ConcurrentEventsTest {

    private static List<Response> runAtOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long awardsIn(List<Response> responses) {
        return responses.stream().mapToLong(r -> r.jsonPath().getList("awards").size()).sum();
    }

    @Test
    void givenBudgetForTenActions_fortyUsersQualifyingAtOnce_exactlyTenAreAwarded() throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("100.00", "10.00");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = "u-" + i;
            calls.add(() -> acme.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed",
                    "userId", user, "properties", Map.of("total", 30))).post("/v1/events"));
        }

        List<Response> responses = runAtOnce(calls);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(awardsIn(responses)).isEqualTo(10);
        Response state = acme.request().get("/v1/moments/" + moment);
        assertThat(state.jsonPath().getString("status")).isEqualTo("EXHAUSTED");
        assertThat(state.jsonPath().getString("budgetState.reserved")).isEqualTo("100.00");
        assertThat(state.jsonPath().getString("budgetState.remaining")).isEqualTo("0.00");
    }

    @Test
    void givenPerUserOne_twentyQualifyingEventsOfOneUserAtOnce_payOnce() throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("1000.00", "10.00");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> acme.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed",
                    "userId", "the-same-user", "properties", Map.of("total", 30))).post("/v1/events"));
        }

        List<Response> responses = runAtOnce(calls);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(awardsIn(responses)).isEqualTo(1);
        assertThat(acme.request().get("/v1/moments/" + moment).jsonPath().getString("budgetState.reserved"))
                .isEqualTo("10.00");
    }

    @Test
    void givenPerDeviceOne_twentyUsersQualifyingAtOnceOnOneDevice_payOnce() throws Exception {
        Api acme = Api.newPartner();
        String reward = acme.createReward("5.00");
        String moment = acme.request().body(Map.of(
                        "name", "One reward per phone",
                        "trigger", Map.of("kind", "event", "event", "order.completed"),
                        "budget", Map.of("currency", "USD", "total", "1000.00", "costPerAction", "10.00"),
                        "rewards", java.util.List.of(reward),
                        "limits", Map.of("perDevice", 1)))
                .post("/v1/moments").then().statusCode(201).extract().path("id");
        acme.request().post("/v1/moments/" + moment + "/launch").then().statusCode(200);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = "u-" + i;
            calls.add(() -> acme.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed",
                    "userId", user, "deviceId", "shared-phone")).post("/v1/events"));
        }

        List<Response> responses = runAtOnce(calls);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(awardsIn(responses)).isEqualTo(1);
        assertThat(acme.request().get("/v1/moments/" + moment).jsonPath().getString("budgetState.reserved"))
                .isEqualTo("10.00");
    }

    @Test
    void theSameEventSentTwentyTimesAtOnceIsRecordedOnceAndEveryRetrySeesTheSameAward() throws Exception {
        Api acme = Api.newPartner();
        acme.launchedSpendMoment("1000.00", "10.00");
        String eventId = Api.uniqueId("evt-");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> acme.request().body(Map.of("id", eventId, "type", "order.completed",
                    "userId", "u-1", "properties", Map.of("total", 30))).post("/v1/events"));
        }

        List<Response> responses = runAtOnce(calls);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(responses).filteredOn(r -> !r.jsonPath().getBoolean("duplicate")).hasSize(1);
        assertThat(responses).extracting(r -> r.jsonPath().getString("awards[0].id")).containsOnly(
                responses.get(0).jsonPath().getString("awards[0].id"));
    }
}
