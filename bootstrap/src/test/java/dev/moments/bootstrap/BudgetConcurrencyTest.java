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

/**
 * Many users qualifying at the same instant never make a moment pay more than its budget or its daily cap, and every
 * request gets an answer, and the ledger adds up to the budget state after each scenario: the acceptance of "money
 * that never leaks" against PostgreSQL.
 */
@QuarkusTest
class BudgetConcurrencyTest {

    private static final int USERS = 200;
    private static final int REPETITIONS = 20;

    private static String moment(Api partner, String total, String dailyCap) {
        String reward = partner.createReward("5.00");
        Map<String, Object> budget = dailyCap == null
                ? Map.of("currency", "USD", "total", total, "costPerAction", "10.00")
                : Map.of("currency", "USD", "total", total, "dailyCap", dailyCap, "costPerAction", "10.00");
        String id = partner.request().body(Map.of(
                        "name", "Order at once",
                        "trigger", Map.of("kind", "event", "event", "order.completed"),
                        "budget", budget,
                        "rewards", List.of(reward)))
                .post("/v1/moments").then().statusCode(201).extract().path("id");
        partner.request().post("/v1/moments/" + id + "/launch").then().statusCode(200);
        return id;
    }

    /** Sends one qualifying event per user, all at once, and returns how many awards the answers carry. */
    private static long everyoneQualifiesAtOnce(Api partner, ExecutorService pool) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String user = "u-" + i;
            calls.add(() -> partner.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed",
                    "userId", user)).post("/v1/events"));
        }
        long awards = 0;
        for (Future<Response> future : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
            Response response = future.get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            awards += response.jsonPath().getList("awards").size();
        }
        return awards;
    }

    private static int awardsStored(Api partner, String moment) {
        return partner.request().get("/v1/awards?limit=500&momentId=" + moment).jsonPath().getList("items").size();
    }

    @Test
    void givenBudgetForFifty_twoHundredUsersQualifyingAtOnce_exactlyFiftyAreAwarded_everyTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int round = 0; round < REPETITIONS; round++) {
                Api partner = Api.newPartner();
                String moment = moment(partner, "500.00", null);

                long awards = everyoneQualifiesAtOnce(partner, pool);

                assertThat(awards).as("round %d", round).isEqualTo(50);
                assertThat(awardsStored(partner, moment)).isEqualTo(50);
                Response state = partner.request().get("/v1/moments/" + moment);
                assertThat(state.jsonPath().getString("status")).isEqualTo("EXHAUSTED");
                assertThat(state.jsonPath().getString("budgetState.reserved")).isEqualTo("500.00");
                assertThat(state.jsonPath().getString("budgetState.remaining")).isEqualTo("0.00");
                Ledgers.assertBalanced(partner, moment);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenADailyCapForFifty_twoHundredUsersQualifyingAtOnce_exactlyFiftyArePaidAndTheMomentStaysLive()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int round = 0; round < REPETITIONS; round++) {
                Api partner = Api.newPartner();
                String moment = moment(partner, "5000.00", "500.00");

                long awards = everyoneQualifiesAtOnce(partner, pool);

                assertThat(awards).as("round %d", round).isEqualTo(50);
                assertThat(awardsStored(partner, moment)).isEqualTo(50);
                Response state = partner.request().get("/v1/moments/" + moment);
                assertThat(state.jsonPath().getString("status")).isEqualTo("LIVE");
                assertThat(state.jsonPath().getString("budgetState.spentToday")).isEqualTo("500.00");
                assertThat(state.jsonPath().getString("budgetState.remaining")).isEqualTo("4500.00");
                partner.explain("late-comer", moment).body("reasons", org.hamcrest.Matchers.hasItem("DAILY_CAP"));
                Ledgers.assertBalanced(partner, moment);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenPerUserOne_fiftyQualifyingEventsOfOneUserAtOnce_payOnce() throws Exception {
        Api partner = Api.newPartner();
        String moment = moment(partner, "1000.00", null);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> partner.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed",
                        "userId", "one-user")).post("/v1/events"));
            }
            long awards = 0;
            for (Future<Response> future : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
                assertThat(future.get().statusCode()).isEqualTo(200);
                awards += future.get().jsonPath().getList("awards").size();
            }
            assertThat(awards).isEqualTo(1);
            assertThat(awardsStored(partner, moment)).isEqualTo(1);
            Ledgers.assertBalanced(partner, moment);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingAnAwardReleasesItsReservationOnceAndAnExhaustedMomentGoesLiveAgain() {
        Api partner = Api.newPartner();
        String moment = moment(partner, "10.00", null);
        String award = partner.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed",
                "userId", "u-1")).post("/v1/events").then().statusCode(200).extract().path("awards[0].id");
        partner.request().get("/v1/moments/" + moment).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("EXHAUSTED"));

        partner.request().post("/v1/awards/" + award + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));

        partner.request().get("/v1/moments/" + moment).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("LIVE"))
                .body("budgetState.reserved", org.hamcrest.Matchers.equalTo("0.00"))
                .body("budgetState.remaining", org.hamcrest.Matchers.equalTo("10.00"));
        partner.request().post("/v1/awards/" + award + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        Api.newPartner().request().post("/v1/awards/" + award + "/cancel").then().statusCode(404);
        Ledgers.assertBalanced(partner, moment);
    }
}
