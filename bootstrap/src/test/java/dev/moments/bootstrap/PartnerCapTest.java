package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
 * A partner's monthly cap across all its moments, against PostgreSQL: many users completing two moments of one
 * partner at once never make the partner pay more than its cap, every request gets an answer, the moments stay live,
 * and a cancelled award makes room for the next completion.
 */
@QuarkusTest
class PartnerCapTest {

    private static final int USERS = 120;
    private static final int ROUNDS = 5;

    /** A live moment on order.completed with a budget far larger than the cap, paying 10.00 per action. */
    private static String moment(Api partner, String name) {
        String reward = partner.createReward("5.00");
        String id = partner.request().body(Map.of(
                        "name", name,
                        "trigger", Map.of("kind", "event", "event", "order.completed"),
                        "budget", Map.of("currency", "USD", "total", "100000.00", "costPerAction", "10.00"),
                        "rewards", List.of(reward)))
                .post("/v1/moments").then().statusCode(201).extract().path("id");
        return partner.launch(id);
    }

    private static void setCap(Api partner, Object cap) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("monthlyCap", cap);
        given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON).body(body)
                .patch("/admin/v1/partners/" + partner.partnerId).then().statusCode(200);
    }

    private static io.restassured.path.json.JsonPath admin(Api partner) {
        return given().auth().oauth2(Api.ADMIN_TOKEN).get("/admin/v1/partners/" + partner.partnerId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int awardsStored(Api partner, String moment) {
        return partner.request().get("/v1/awards?limit=500&momentId=" + moment).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static Response order(Api partner, String user) {
        return partner.request().body(Map.of("id", Api.uniqueId("evt-"), "type", "order.completed", "userId", user))
                .post("/v1/events");
    }

    @Test
    void givenACapForThirty_oneHundredTwentyUsersCompletingTwoMomentsAtOnce_exactlyThirtyArePaid() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Api partner = Api.newPartner();
                String first = moment(partner, "First order");
                String second = moment(partner, "Any order");
                setCap(partner, "300.00");

                List<Callable<Response>> calls = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    String user = "u-" + i;
                    calls.add(() -> order(partner, user));
                }
                long awards = 0;
                List<String> refused = new ArrayList<>();
                for (Future<Response> future : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
                    Response response = future.get();
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                    int paid = response.jsonPath().getList("awards").size();
                    awards += paid;
                    if (paid < 2) {
                        refused.add(response.jsonPath().getString("eventId"));
                    }
                }

                assertThat(awards).as("round %d", round).isEqualTo(30);
                assertThat(awardsStored(partner, first) + awardsStored(partner, second)).isEqualTo(30);
                assertThat(refused).isNotEmpty();
                for (String moment : List.of(first, second)) {
                    partner.moment(moment).body("status", equalTo("LIVE"));
                    partner.explain("u-" + (USERS - 1), moment).statusCode(200)
                            .body("reasons", hasItem("MONTHLY_CAP"));
                    partner.explain("late-comer", moment).statusCode(200).body("reasons", hasItem("MONTHLY_CAP"));
                }
                assertThat(admin(partner).getString("chargedThisMonth")).isEqualTo("300.00");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCancelledAwardGivesItsChargeBackAndTheNextCompletionIsPaid() {
        Api partner = Api.newPartner();
        String first = moment(partner, "First order");
        String second = moment(partner, "Any order");
        setCap(partner, "30.00");
        order(partner, "u-1").then().statusCode(200);                   // two awards: 20.00
        String award = order(partner, "u-2").then().statusCode(200)      // one award: 30.00, the second refused
                .extract().path("awards[0].id");
        assertThat(order(partner, "u-3").then().statusCode(200).extract().jsonPath().getList("awards")).isEmpty();
        partner.explain("u-3", first).body("reasons", hasItem("MONTHLY_CAP"));
        partner.request().body(Map.of("userId", "u-direct")).post("/v1/moments/" + second + "/awards/preview")
                .then().statusCode(200).body("eligible", equalTo(false)).body("reason", equalTo("MONTHLY_CAP"));
        partner.request().body(Map.of("userId", "u-direct")).post("/v1/moments/" + second + "/awards")
                .then().statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("MONTHLY_CAP"));
        assertThat(admin(partner).getString("chargedThisMonth")).isEqualTo("30.00");

        partner.request().post("/v1/awards/" + award + "/cancel").then().statusCode(200);

        assertThat(admin(partner).getString("chargedThisMonth")).isEqualTo("20.00");
        assertThat(order(partner, "u-4").then().statusCode(200).extract().jsonPath().getList("awards")).hasSize(1);
        assertThat(admin(partner).getString("chargedThisMonth")).isEqualTo("30.00");
        partner.moment(first).body("status", equalTo("LIVE"));
        partner.moment(second).body("status", equalTo("LIVE"));

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        partner.request().get("/v1/statement?month=" + month).then().statusCode(200)
                .body("monthlyCap", equalTo("30.00"))
                .body("chargedAgainstCap", equalTo("30.00"))
                .body("totals.actionsPaid", equalTo(4));

        setCap(partner, null);
        assertThat(order(partner, "u-5").then().statusCode(200).extract().jsonPath().getList("awards")).hasSize(2);
        partner.request().get("/v1/statement?month=" + month).then().statusCode(200)
                .body("monthlyCap", equalTo(null))
                .body("chargedAgainstCap", equalTo("50.00"));
    }
}
