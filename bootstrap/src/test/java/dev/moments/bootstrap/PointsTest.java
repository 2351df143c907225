package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Points end to end against PostgreSQL: rules, earning once per event, the ledger, spends that never overdraw. */
@QuarkusTest
class PointsTest {

    @Test
    void eventsEarnPointsByTheRulesThatHold_oncePerEvent_andTheEventAnswerListsThem() {
        Api acme = Api.newPartner();
        String login = rule(acme, Map.of("name", "Daily login", "event", "app.opened", "points", 10));
        String minutes = rule(acme, Map.of("name", "Minutes played", "event", "session.ended",
                "where", "event.minutes >= 5", "points", "int(event.minutes) / 5"));
        rule(acme, Map.of("name", "Premium bonus", "event", "app.opened", "where", "user.plan == 'premium'",
                "points", 100));

        JsonPath opened = event(acme, "open-1", "app.opened", "u-1", Map.of());
        assertThat(opened.getList("points.ruleId")).containsExactly(login);
        assertThat(opened.getList("points.points", Long.class)).containsExactly(10L);
        assertThat(opened.getList("points.name")).containsExactly("Daily login");
        JsonPath played = event(acme, "session-1", "session.ended", "u-1", Map.of("minutes", 23));
        assertThat(played.getList("points.ruleId")).containsExactly(minutes);
        assertThat(played.getList("points.points", Long.class)).containsExactly(4L);
        assertThat(event(acme, "session-2", "session.ended", "u-1", Map.of("minutes", 3)).getList("points"))
                .as("where does not hold").isEmpty();

        JsonPath again = event(acme, "open-1", "app.opened", "u-1", Map.of());
        assertThat(again.getBoolean("duplicate")).isTrue();
        assertThat(again.getList("points.points", Long.class)).as("the first answer again").containsExactly(10L);

        JsonPath points = acme.request().get("/v1/users/u-1/points").then().statusCode(200).extract().jsonPath();
        assertThat(points.getLong("balance")).as("each event counted once").isEqualTo(14);
        assertThat(points.getList("items.points", Long.class)).containsExactly(4L, 10L);
        assertThat(points.getList("items.eventId")).containsExactly("session-1", "open-1");
        acme.request().get("/v1/users/u-nobody/points").then().statusCode(200)
                .body("balance", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void aSpendTakesPoints_isIdempotentByItsKey_andNeverGoesBelowZero() {
        Api acme = Api.newPartner();
        rule(acme, Map.of("name", "Order", "event", "order.completed", "points", 30));
        event(acme, "order-1", "order.completed", "u-2", Map.of());

        spend(acme, "u-2", "spend-1", 20, "A sticker pack").then().statusCode(200)
                .body("balance", equalTo(10)).body("entry.points", equalTo(-20))
                .body("entry.reason", equalTo("A sticker pack"));
        spend(acme, "u-2", "spend-1", 20, "A sticker pack").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("balance", equalTo(10));
        spend(acme, "u-2", "spend-2", 11, "Too much").then().statusCode(409)
                .body("type", equalTo("/problems/insufficient-points"))
                .body("detail", containsString("holds 10 points"));
        acme.request().get("/v1/users/u-2/points").then().body("balance", equalTo(10))
                .body("items.points", equalTo(List.of(-20, 30)));

        acme.request().body(Map.of("amount", 5, "reason", "no key")).post("/v1/users/u-2/points/spend").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        spend(acme, "u-2", "spend-3", 0, "nothing").then().statusCode(422).body("errors[0].field", equalTo("amount"));
        acme.request().header("Idempotency-Key", "spend-4").body(Map.of("amount", 1.5, "reason", "half"))
                .post("/v1/users/u-2/points/spend").then().statusCode(400);
    }

    @Test
    void fiftyConcurrentSpends_onABalanceThatCoversTen_exactlyTenSucceed() throws Exception {
        Api acme = Api.newPartner();
        rule(acme, Map.of("name", "Order", "event", "order.completed", "points", 100));
        event(acme, "order-1", "order.completed", "u-3", Map.of());
        int spends = 50;
        ExecutorService pool = Executors.newFixedThreadPool(spends);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < spends; i++) {
            String key = "spend-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return spend(acme, "u-3", key, 10, "Reward " + key).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(40);
        JsonPath points = acme.request().get("/v1/users/u-3/points?limit=100").then().extract().jsonPath();
        assertThat(points.getLong("balance")).isZero();
        assertThat(points.getList("items.points", Long.class)).hasSize(11).containsOnly(-10L, 100L);
    }

    @Test
    void rulesAreCheckedWhenCreated_listed_readAndDeleted_andAnotherPartnersAre404() {
        Api acme = Api.newPartner();
        Api other = Api.newPartner();
        acme.request().body(Map.of("name", "Bad", "event", "a", "points", "event.")).post("/v1/point-rules")
                .then().statusCode(422).body("errors[0].field", equalTo("points"));
        acme.request().body(Map.of("name", "Bad", "event", "a", "where", "event.x >", "points", 1))
                .post("/v1/point-rules").then().statusCode(422).body("errors[0].field", equalTo("where"));
        acme.request().body(Map.of("name", "Bad", "event", "a", "points", 1.5)).post("/v1/point-rules")
                .then().statusCode(422).body("errors[0].field", equalTo("points"));
        acme.request().body(Map.of("name", "Bad", "event", "a")).post("/v1/point-rules")
                .then().statusCode(422).body("errors[0].field", equalTo("points"));
        String rule = rule(acme, Map.of("name", "Login", "event", "app.opened", "points", 1));

        acme.request().get("/v1/point-rules").then().statusCode(200).body("id", equalTo(List.of(rule)));
        acme.request().get("/v1/point-rules/" + rule).then().statusCode(200).body("points", equalTo("1"));
        other.request().get("/v1/point-rules/" + rule).then().statusCode(404);
        other.request().delete("/v1/point-rules/" + rule).then().statusCode(404);
        other.request().get("/v1/point-rules").then().statusCode(200).body("$", hasSize(0));

        acme.request().delete("/v1/point-rules/" + rule).then().statusCode(204);
        assertThat(event(acme, "open-9", "app.opened", "u-9", Map.of()).getList("points"))
                .as("a deleted rule earns nothing").isEmpty();
    }

    private static String rule(Api partner, Map<String, Object> body) {
        return partner.request().body(body).post("/v1/point-rules").then().statusCode(201).extract().path("id");
    }

    private static JsonPath event(Api partner, String id, String type, String user, Map<String, Object> properties) {
        return partner.request().body(Map.of("id", id, "type", type, "userId", user, "properties", properties))
                .post("/v1/events").then().statusCode(200).extract().jsonPath();
    }

    private static Response spend(Api partner, String user, String key, Object amount, String reason) {
        return partner.request().header("Idempotency-Key", key).body(Map.of("amount", amount, "reason", reason))
                .post("/v1/users/" + user + "/points/spend");
    }
}
