package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Badges end to end against PostgreSQL: any trigger kind, earned once per user, listed in the event's answer. */
@QuarkusTest
class BadgesTest {

    @Test
    void aBadgeOfEachKind_isEarnedByTheEventThatCompletesItsTrigger_once() {
        Api acme = Api.newPartner();
        String first = badge(acme, "First order", Map.of("kind", "event", "event", "order.completed"));
        String streak = badge(acme, "Three days in a row", Map.of("kind", "days", "event", "app.opened",
                "atLeast", 3, "consecutive", true));
        String big = badge(acme, "Big spender", Map.of("kind", "sum", "event", "order.completed", "field", "total",
                "atLeast", 100));
        String both = badge(acme, "Shopper and regular", Map.of("kind", "all", "of", List.of(
                Map.of("kind", "count", "event", "order.completed", "atLeast", 2),
                Map.of("kind", "event", "event", "app.opened"))));

        assertThat(badges(event(acme, "o-1", "order.completed", "u-1", Map.of("total", 60), "2026-11-01T10:00:00Z")))
                .containsExactly(first);
        assertThat(badges(event(acme, "a-1", "app.opened", "u-1", Map.of(), "2026-11-01T11:00:00Z"))).isEmpty();
        assertThat(badges(event(acme, "a-2", "app.opened", "u-1", Map.of(), "2026-11-02T11:00:00Z"))).isEmpty();
        JsonPath third = event(acme, "a-3", "app.opened", "u-1", Map.of(), "2026-11-03T11:00:00Z");
        assertThat(badges(third)).containsExactly(streak);
        assertThat(third.getList("badges.name")).containsExactly("Three days in a row");
        assertThat(badges(event(acme, "o-2", "order.completed", "u-1", Map.of("total", 50), "2026-11-04T10:00:00Z")))
                .containsExactlyInAnyOrder(big, both);
        assertThat(badges(event(acme, "o-3", "order.completed", "u-1", Map.of("total", 500),
                "2026-11-05T10:00:00Z"))).as("each badge once").isEmpty();

        JsonPath again = event(acme, "a-3", "app.opened", "u-1", Map.of(), "2026-11-03T11:00:00Z");
        assertThat(again.getBoolean("duplicate")).isTrue();
        assertThat(badges(again)).as("a duplicate answers the first answer").containsExactly(streak);

        JsonPath earned = acme.request().get("/v1/users/u-1/badges").then().statusCode(200).extract().jsonPath();
        assertThat(earned.getList("items.badgeId")).containsExactlyInAnyOrder(first, streak, big, both);
        assertThat(earned.getList("items.eventId")).contains("o-1", "a-3", "o-2");
        acme.request().get("/v1/users/u-2/badges").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void concurrentEventsOfOneUser_earnABadgeOnce() throws Exception {
        Api acme = Api.newPartner();
        String tenth = badge(acme, "Ten sessions", Map.of("kind", "count", "event", "session.ended", "atLeast", 10));
        int events = 30;
        ExecutorService pool = Executors.newFixedThreadPool(events);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Object>>> answers = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String id = "s-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return event(acme, id, "session.ended", "u-9", Map.of(), null).getList("badges.badgeId");
            }));
        }
        start.countDown();
        List<Object> earned = new ArrayList<>();
        for (Future<List<Object>> answer : answers) {
            earned.addAll(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(earned).containsExactly(tenth);
        acme.request().get("/v1/users/u-9/badges").then().body("items.badgeId", equalTo(List.of(tenth)));
    }

    @Test
    void aBadgesTriggerIsCheckedAsAMomentsIs_andAnotherPartnersBadgeIs404() {
        Api acme = Api.newPartner();
        acme.request().body(Map.of("name", "Direct", "trigger", Map.of("kind", "direct"))).post("/v1/badges")
                .then().statusCode(422).body("errors[0].field", equalTo("trigger.kind"));
        acme.request().body(Map.of("name", "Bad where", "trigger", Map.of("kind", "event", "event", "a",
                        "where", "event.x >"))).post("/v1/badges")
                .then().statusCode(422).body("errors[0].field", equalTo("trigger.where"));
        acme.request().body(Map.of("name", "No trigger")).post("/v1/badges")
                .then().statusCode(422).body("errors[0].field", equalTo("trigger"));
        acme.request().body(Map.of("name", "Bad image", "imageUrl", "javascript:x",
                        "trigger", Map.of("kind", "event", "event", "a"))).post("/v1/badges")
                .then().statusCode(422).body("errors[0].field", equalTo("imageUrl"));
        String badge = badge(acme, "Opened", Map.of("kind", "event", "event", "app.opened"));

        acme.request().get("/v1/badges/" + badge).then().statusCode(200).body("trigger.kind", equalTo("event"));
        acme.request().get("/v1/badges").then().statusCode(200).body("id", equalTo(List.of(badge)));
        Api other = Api.newPartner();
        other.request().get("/v1/badges/" + badge).then().statusCode(404);
        assertThat(badges(event(other, "a-1", "app.opened", "u-1", Map.of(), null))).as("not its badge").isEmpty();
    }

    private static String badge(Api partner, String name, Map<String, Object> trigger) {
        return partner.request().body(Map.of("name", name, "trigger", trigger)).post("/v1/badges").then()
                .statusCode(201).extract().path("id");
    }

    private static JsonPath event(Api partner, String id, String type, String user, Map<String, Object> properties,
                                  String occurredAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "type", type, "userId", user,
                "properties", properties));
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        return partner.request().body(body).post("/v1/events").then().statusCode(200).extract().jsonPath();
    }

    private static List<Object> badges(JsonPath answer) {
        return answer.getList("badges.badgeId");
    }
}
