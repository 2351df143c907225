package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.domain.shared.Digests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blocklist end to end against PostgreSQL: a blocked user, device, client address or e-mail address is refused
 * {@code BLOCKED} in payments, previews and explanations; lifting the entry pays again; one call cancels the blocked
 * one's unclaimed awards and gives their reservations back, leaving claimed ones alone.
 */
@QuarkusTest
class BlocklistTest {

    private static final Map<String, Object> PURCHASE = Map.of("kind", "event", "event", "purchase.completed");

    @Test
    void eachKindOfEntry_refusesTheCompletionsItNames_inPaymentsPreviewsAndExplanations() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(PURCHASE);
        String user = block(acme, "user", "u-bad", "chargebacks").statusCode(201)
                .body("kind", equalTo("user")).body("value", equalTo("u-bad")).body("reason", equalTo("chargebacks"))
                .extract().path("id");
        block(acme, "device", "dev-farm", null).statusCode(201);
        block(acme, "ip", "2001:db8::66", null).statusCode(201).body("value", nullValue())
                .body("valueSha256", equalTo(Digests.sha256Hex("2001:db8:0:0:0:0:0:66")));
        block(acme, "email", " Fraud@Example.COM", null).statusCode(201).body("value", nullValue())
                .body("valueSha256", equalTo(Digests.sha256Hex("fraud@example.com")));

        assertThat(purchase(acme, "u-bad", Map.of())).isEmpty();
        assertThat(purchase(acme, "on-farm", Map.of("deviceId", "dev-farm"))).isEmpty();
        assertThat(purchase(acme, "from-ip", Map.of("context", Map.of("ip", "2001:0db8::0:66")))).isEmpty();
        assertThat(purchase(acme, "by-mail", Map.of("user", Map.of("email", "fraud@example.com")))).isEmpty();
        assertThat(purchase(acme, "honest", Map.of("deviceId", "dev-ok", "context", Map.of("ip", "203.0.113.1"),
                "user", Map.of("email", "honest@example.com")))).hasSize(1);

        for (String refused : List.of("u-bad", "on-farm", "from-ip", "by-mail")) {
            acme.explain(refused, moment).statusCode(200).body("lastRefusal", equalTo("BLOCKED"));
        }
        acme.explain("u-bad", moment).body("reasons", hasItem("BLOCKED"));
        acme.explain("by-mail", moment).body("reasons", hasItem("BLOCKED"));
        preview(acme, moment, Map.of("userId", "u-bad")).body("reason", equalTo("BLOCKED"));
        preview(acme, moment, Map.of("userId", "someone", "deviceId", "dev-farm")).body("reason", equalTo("BLOCKED"));
        preview(acme, moment, Map.of("userId", "someone", "context", Map.of("ip", "2001:db8::66")))
                .body("reason", equalTo("BLOCKED"));
        preview(acme, moment, Map.of("userId", "by-mail")).body("reason", equalTo("BLOCKED"));
        preview(acme, moment, Map.of("userId", "someone")).body("eligible", equalTo(true));
        acme.request().body(Map.of("userId", "u-bad")).post("/v1/moments/" + moment + "/awards").then()
                .statusCode(409).body("reason", equalTo("BLOCKED"));

        assertThat(block(acme, "user", "u-bad", "again").statusCode(200).extract().<String>path("id"))
                .as("blocked already: the entry that stands").isEqualTo(user);
        assertThat(acme.request().get("/v1/blocklist?limit=3").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(3);
        acme.request().delete("/v1/blocklist/" + user).then().statusCode(204);
        acme.request().get("/v1/blocklist/" + user).then().statusCode(404);
        assertThat(purchase(acme, "u-bad", Map.of())).as("lifted: paid again").hasSize(1);
    }

    @Test
    void cancelAwards_cancelsTheBlockedOnesUnclaimedAwards_andGivesTheirReservationsBack() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(PURCHASE);
        String reward = firstReward(acme, moment);
        for (int i = 0; i < 3; i++) {
            assertThat(purchase(acme, "farmed-" + i, Map.of("deviceId", "dev-x"))).hasSize(1);
        }
        assertThat(purchase(acme, "mailer", Map.of("user", Map.of("email", "Farm@Example.com")))).hasSize(1);
        assertThat(purchase(acme, "clean", Map.of("deviceId", "dev-y"))).hasSize(1);
        String claimedToken = token(acme, "farmed-0");
        given().contentType(ContentType.JSON).body(Map.of("rewardId", reward))
                .post("/api/redeem/" + claimedToken + "/claim").then().statusCode(200);
        acme.moment(moment).body("budgetState.reserved", equalTo("40.00"))
                .body("budgetState.spent", equalTo("5.00"));

        String device = block(acme, "device", "dev-x", "farm").extract().path("id");
        acme.request().post("/v1/blocklist/" + device + "/cancel-awards").then().statusCode(200)
                .body("cancelled", equalTo(2));
        String email = block(acme, "email", "farm@example.com", null).extract().path("id");
        acme.request().post("/v1/blocklist/" + email + "/cancel-awards").then().statusCode(200)
                .body("cancelled", equalTo(1));
        acme.request().post("/v1/blocklist/" + device + "/cancel-awards").then().statusCode(200)
                .body("cancelled", equalTo(0));

        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode award : Api.awardsOf(acme::request, moment)) {
            statuses.put(award.get("userId").asText(), award.get("status").asText());
        }
        assertThat(statuses).containsOnly(Map.entry("farmed-0", "FULFILLED"), Map.entry("farmed-1", "CANCELLED"),
                Map.entry("farmed-2", "CANCELLED"), Map.entry("mailer", "CANCELLED"), Map.entry("clean", "EARNED"));
        acme.moment(moment).body("budgetState.reserved", equalTo("10.00"))
                .body("budgetState.spent", equalTo("5.00"));
    }

    @Test
    void entriesAreCheckedStrictly_andAnotherPartnersAreNotFound() {
        Api acme = Api.newPartner();
        refused(acme, Map.of("kind", "phone", "value", "x"), "kind");
        refused(acme, Map.of("value", "x"), "kind");
        refused(acme, Map.of("kind", "user"), "value");
        refused(acme, Map.of("kind", "user", "value", "x".repeat(201)), "value");
        refused(acme, Map.of("kind", "ip", "value", "localhost"), "value");
        refused(acme, Map.of("kind", "ip", "value", "203.0.113.256"), "value");
        refused(acme, Map.of("kind", "email", "value", "not an address"), "value");
        refused(acme, Map.of("kind", "user", "value", "x", "reason", "r".repeat(501)), "reason");
        acme.request().body(Map.of("kind", "user", "value", 7)).post("/v1/blocklist").then().statusCode(400);

        String theirs = block(acme, "user", "someone", null).extract().path("id");
        Api other = Api.newPartner();
        other.request().get("/v1/blocklist/" + theirs).then().statusCode(404);
        other.request().delete("/v1/blocklist/" + theirs).then().statusCode(404);
        other.request().post("/v1/blocklist/" + theirs + "/cancel-awards").then().statusCode(404);
        assertThat(other.request().get("/v1/blocklist").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
        acme.request().get("/v1/blocklist/" + theirs).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse block(Api partner, String kind, String value,
                                                                       String reason) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", kind, "value", value));
        if (reason != null) {
            body.put("reason", reason);
        }
        return partner.request().body(body).post("/v1/blocklist").then();
    }

    private static void refused(Api partner, Map<String, Object> body, String field) {
        partner.request().body(body).post("/v1/blocklist").then().statusCode(422)
                .body("errors[0].field", equalTo(field));
    }

    private static io.restassured.response.ValidatableResponse preview(Api partner, String moment,
                                                                         Map<String, Object> body) {
        return partner.request().body(body).post("/v1/moments/" + moment + "/awards/preview").then().statusCode(200);
    }

    /** A purchase of {@code user} now, with more of the event ({@code deviceId}, {@code context}, {@code user}). */
    private static List<Object> purchase(Api partner, String user, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "purchase.completed", "userId", user,
                "occurredAt", Instant.now().toString()));
        body.putAll(more);
        return partner.event(body).extract().jsonPath().getList("awards");
    }

    private static String firstReward(Api partner, String moment) {
        return partner.moment(moment).extract().path("rewards[0]");
    }

    private static String token(Api partner, String user) {
        String url = partner.request().get("/v1/awards?userId=" + user).then().statusCode(200)
                .extract().path("items[0].redeemUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
