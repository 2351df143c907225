package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rewards and moments as partners create and read them, with paging; the service documents and checks itself. */
@QuarkusTest
class CatalogAndListsTest {

    @Test
    void aRewardIsReadBackAsItWasDefined() {
        Api acme = Api.newPartner();
        String id = acme.request().body(Map.of("name", "Collectible figure", "kind", "PHYSICAL", "cost", "8",
                        "currency", "USD", "countries", List.of("US", "CA"), "fulfillment", Map.of("provider", "sandbox"),
                        "description", "A figure of the hero"))
                .post("/v1/rewards").then().statusCode(201).header("Location", containsString("/v1/rewards/rwd_"))
                .extract().path("id");
        acme.request().get("/v1/rewards/" + id).then().statusCode(200)
                .body("name", equalTo("Collectible figure"))
                .body("kind", equalTo("PHYSICAL"))
                .body("cost", equalTo("8.00"))
                .body("countries", equalTo(List.of("CA", "US")))
                .body("fulfillment.provider", equalTo("sandbox"));
    }

    @Test
    void aMomentIsReadBackWithEveryPartOfItsDefinitionAndItsDefaults() {
        Api acme = Api.newPartner();
        String reward = acme.createReward("5.00");
        String id = acme.request().body(Map.of(
                        "name", "First in-app purchase over 4.99",
                        "trigger", Map.of("kind", "event", "event", "purchase.completed", "where", "event.amount > 4.99"),
                        "audience", Map.of("countries", List.of("US"), "platforms", List.of("ios", "android")),
                        "schedule", Map.of("startsAt", "2026-12-01T00:00:00Z", "timezone", "America/New_York"),
                        "budget", Map.of("currency", "USD", "total", "5000.00", "dailyCap", "250.00",
                                "costPerAction", "10.00"),
                        "rewards", List.of(reward),
                        "limits", Map.of("perUser", 1, "redeemAfter", "PT1H", "claimWithin", "P30D"),
                        "holdoutPercent", 10))
                .post("/v1/moments").then().statusCode(201).extract().path("id");

        acme.request().get("/v1/moments/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("trigger.kind", equalTo("event"))
                .body("trigger.where", equalTo("event.amount > 4.99"))
                .body("audience.platforms", equalTo(List.of("android", "ios")))
                .body("schedule.startsAt", equalTo("2026-12-01T00:00:00Z"))
                .body("schedule.endsAt", nullValue())
                .body("schedule.timezone", equalTo("America/New_York"))
                .body("budget.dailyCap", equalTo("250.00"))
                .body("budgetState.remaining", equalTo("5000.00"))
                .body("limits.redeemAfter", equalTo("PT1H"))
                .body("limits.claimWithin", equalTo("P30D"))
                .body("holdoutPercent", equalTo(10));
    }

    @Test
    void aMomentWithANestedTriggerIsReadBackAndListedWithTheSameTriggerJson() throws Exception {
        Api acme = Api.newPartner();
        String reward = acme.createReward("5.00");
        String trigger = """
                {"kind":"any","of":[
                  {"kind":"all","of":[
                    {"kind":"count","event":"video.watched","where":"event.seconds >= 30","atLeast":10,"within":"P7D"},
                    {"kind":"sum","event":"order.completed","field":"total","atLeast":50.00,"within":"P30D"}]},
                  {"kind":"days","event":"app.opened","atLeast":7,"consecutive":true,"within":"P10D"},
                  {"kind":"sequence","steps":[{"event":"user.signed_up"},
                                              {"event":"onboarding.completed","where":"event.steps == 5"}],
                   "within":"PT12H"},
                  {"kind":"event","event":"tutorial.completed","where":"event.skipped == false"}]}""";
        String id = acme.request().body("{\"name\":\"Engaged\",\"trigger\":" + trigger
                        + ",\"budget\":{\"currency\":\"USD\",\"total\":\"100.00\",\"costPerAction\":\"10.00\"},"
                        + "\"rewards\":[\"" + reward + "\"]}")
                .post("/v1/moments").then().statusCode(201).extract().path("id");

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(trigger);
        JsonNode read = json.readTree(acme.request().get("/v1/moments/" + id).then().statusCode(200)
                .extract().asString()).get("trigger");
        assertSameJson(read, expected);
        JsonNode listed = json.readTree(acme.request().get("/v1/moments").then().statusCode(200)
                .extract().asString()).get("items");
        assertThat(listed).hasSize(1);
        assertSameJson(listed.get(0).get("trigger"), expected);
    }

    /** The same JSON, numbers compared by value (50.00 is 50.0). */
    private static void assertSameJson(JsonNode actual, JsonNode expected) {
        boolean same = expected.equals((a, b) -> a.equals(b) ? 0
                : a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1, actual);
        assertThat(same).as("expected %s but was %s", expected, actual).isTrue();
    }

    @Test
    void listsArePagedWithACursor() {
        Api acme = Api.newPartner();
        acme.createReward("1.00");
        acme.createReward("2.00");
        acme.createReward("3.00");
        String next = acme.request().get("/v1/rewards?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("next", notNullValue()).extract().path("next");
        acme.request().get("/v1/rewards?limit=2&after=" + next).then().statusCode(200)
                .body("items", hasSize(1)).body("next", nullValue());
    }

    @Test
    void theServiceDescribesItselfAndReportsItsHealth() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/events"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/moments/{id}/budget/top-up"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
