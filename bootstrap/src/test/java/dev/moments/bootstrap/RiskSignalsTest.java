package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Risk signals end to end against PostgreSQL: each award keeps the counts of its moment's device and client-address
 * limits at the moment it was decided (this award included), flags those near their limit, and says when the review
 * rule held it; the explanation tells what a completion now would record.
 */
@QuarkusTest
class RiskSignalsTest {

    @Test
    void eachAwardKeepsTheVelocityCountsAtItsDecision_andWhichWereNear() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "purchase.completed"),
                Map.of("limits", Map.of("perDevice", 3, "perIp", Map.of("max", 5, "within", "P1D"))));

        String first = purchase(acme, "u-1", "dev-shared", "203.0.113.9");
        String second = purchase(acme, "u-2", "dev-shared", "203.0.113.9");
        purchase(acme, "u-3", "dev-shared", "198.51.100.1");

        JsonPath one = award(acme, first);
        assertThat(one.getList("risk.signals.rule")).containsExactly("perDevice", "perIp");
        assertThat(one.getList("risk.signals.count")).containsExactly(1, 1);
        assertThat(one.getList("risk.signals.near")).containsExactly(false, false);
        JsonPath two = award(acme, second);
        assertThat(two.getList("risk.signals.count")).containsExactly(2, 2);
        assertThat(two.getList("risk.signals.limit")).containsExactly(3, 5);
        assertThat(two.getList("risk.signals.near")).containsExactly(true, false);
        assertThat(two.getString("risk.signals[0].detail")).isEqualTo("award 2 of at most 3 of the device");

        List<Map<String, Object>> listed = acme.request().get("/v1/awards?momentId=" + moment).then()
                .statusCode(200).extract().jsonPath().getList("items.risk.signals");
        assertThat(listed).hasSize(3);
        acme.request().get("/v1/awards?userId=u-3").then()
                .body("items[0].risk.signals.count", equalTo(List.of(3, 1)))
                .body("items[0].risk.signals.near", equalTo(List.of(true, false)));
    }

    @Test
    void theExplanationTellsWhatACompletionNowWouldRecord() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "purchase.completed"),
                Map.of("limits", Map.of("perUser", 3), "review", Map.of("above", "5.00")));
        purchase(acme, "u-1", null, null);

        acme.explain("u-1", moment).statusCode(200)
                .body("risk.signals.rule", equalTo(List.of("perUser", "review")))
                .body("risk.signals[0].count", equalTo(2)).body("risk.signals[0].near", equalTo(true))
                .body("risk.signals[1].detail", equalTo("the price 10.00 is above review.above 5.00"));
        acme.explain("u-new", moment).body("risk.signals.rule", equalTo(List.of("review")));
    }

    private static String purchase(Api partner, String user, String device, String ip) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("type", "purchase.completed", "userId", user,
                "occurredAt", Instant.now().toString()));
        if (device != null) {
            body.put("deviceId", device);
        }
        if (ip != null) {
            body.put("context", Map.of("ip", ip));
        }
        return partner.event(body).extract().path("awards[0].id");
    }

    private static JsonPath award(Api partner, String id) {
        return partner.request().get("/v1/awards/" + id).then().statusCode(200).extract().jsonPath();
    }
}
