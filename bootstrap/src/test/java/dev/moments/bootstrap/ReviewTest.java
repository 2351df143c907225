package dev.moments.bootstrap;

import static dev.moments.bootstrap.TestDatabase.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.moments.application.port.in.ReviewAwardsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The review queue end to end against PostgreSQL: a completion priced above a moment's {@code review.above} waits in
 * PENDING_REVIEW with its price reserved and its link not usable; approving it makes it EARNED and tells of it then,
 * rejecting it (or the job, past {@code autoRejectAfter}) cancels it and releases the reservation; every decision is
 * in the audit log with who took it.
 */
@QuarkusTest
class ReviewTest {

    private static final Map<String, Object> PURCHASE = Map.of("kind", "event", "event", "purchase.completed");

    @Inject
    ReviewAwardsUseCase reviews;

    @Test
    void aCompletionAboveTheReviewPrice_waitsReserved_andIsUsableOnlyOnceApproved() {
        Api acme = Api.newPartner();
        String moment = reviewed(acme, "30.00", "25.00", null);
        Map<String, Object> award = purchase(acme, "u-big").get(0);
        String id = (String) award.get("id");
        assertThat(award.get("status")).isEqualTo("PENDING_REVIEW");
        acme.request().get("/v1/awards/" + id).then().body("risk.signals[0].rule", equalTo("review"))
                .body("risk.signals[0].detail", equalTo("the price 30.00 is above review.above 25.00"));
        acme.moment(moment).body("budgetState.reserved", equalTo("30.00"))
                .body("review.above", equalTo("25.00")).body("review.autoRejectAfter", equalTo("P30D"));
        assertThat(earnedEventsOf(id)).as("award.earned waits for the approval").isZero();

        String token = token((String) award.get("redeemUrl"));
        given().get("/api/redeem/" + token).then().statusCode(200).body("state", equalTo("NOT_YET_REDEEMABLE"))
                .body("award.status", equalTo("PENDING_REVIEW"));
        given().accept(ContentType.HTML).get("/r/" + token).then().statusCode(409)
                .body(containsString("Being checked"));
        given().contentType(ContentType.JSON).body(Map.of("rewardId", reward(acme, moment)))
                .post("/api/redeem/" + token + "/claim").then().statusCode(409);

        acme.request().get("/v1/reviews").then().statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("next", nullValue());
        acme.request().post("/v1/awards/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("EARNED"));
        assertThat(earnedEventsOf(id)).isEqualTo(1);
        acme.request().get("/v1/reviews").then().body("items", equalTo(List.of()));
        acme.request().post("/v1/awards/" + id + "/approve").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("rewardId", reward(acme, moment)))
                .post("/api/redeem/" + token + "/claim").then().statusCode(200);

        JsonPath audit = acme.request().get("/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action", String.class)).contains("review.approved",
                "POST /v1/moments/" + moment + "/launch");
        assertThat(audit.getString("items.find { it.action == 'review.approved' }.actor")).startsWith("key:key_");
        assertThat(audit.getString("items.find { it.action == 'review.approved' }.target")).isEqualTo(id);
    }

    @Test
    void approving_keepsTheEventsEmailOptOut_andAnAwardPastItsDeadlineIsNotApproved() throws Exception {
        Api acme = Api.newPartner();
        reviewed(acme, "30.00", "25.00", null);
        String quiet = (String) acme.event(Map.of("type", "purchase.completed", "userId", "u-quiet",
                "occurredAt", Instant.now().toString(), "notify", Map.of("email", false))).extract().jsonPath()
                .getList("awards", Map.class).get(0).get("id");
        acme.request().post("/v1/awards/" + quiet + "/approve").then().statusCode(200);
        assertThat(count("select count(*) from outbox where type = 'award.earned' and data ->> 'id' = ?"
                + " and data -> 'notify' ->> 'email' = 'false'", quiet)).isEqualTo(1);

        Map<String, Object> body = body(acme, "30.00");
        body.put("review", Map.of("above", "25.00"));
        body.put("limits", Map.of("claimWithin", "PT1S"));
        String hurried = acme.launch(acme.request().body(body).post("/v1/moments").then().statusCode(201)
                .extract().path("id"));
        String late = (String) purchase(acme, "u-late").stream()
                .filter(award -> hurried.equals(award.get("momentId"))).findFirst().orElseThrow().get("id");
        Thread.sleep(1_100);
        acme.request().post("/v1/awards/" + late + "/approve").then().statusCode(409);
        acme.request().get("/v1/awards/" + late).then().body("status", org.hamcrest.Matchers.oneOf("PENDING_REVIEW",
                "EXPIRED")); // the expiry job may have ended it meanwhile: either way it was not approved
    }

    @Test
    void rejecting_cancelsTheAward_releasesItsReservation_andKeepsTheReason() {
        Api acme = Api.newPartner();
        String moment = reviewed(acme, "30.00", "25.00", null);
        String id = (String) purchase(acme, "u-big").get(0).get("id");

        acme.request().body(Map.of()).post("/v1/awards/" + id + "/reject").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        acme.request().body(Map.of("reason", "r".repeat(501))).post("/v1/awards/" + id + "/reject").then()
                .statusCode(422).body("errors[0].field", equalTo("reason"));
        Api.newPartner().request().body(Map.of("reason", "not yours")).post("/v1/awards/" + id + "/reject").then()
                .statusCode(404);
        acme.request().body(Map.of("reason", "Twenty accounts on one phone")).post("/v1/awards/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("history.reason", hasItem("rejected: Twenty accounts on one phone"));
        acme.moment(moment).body("budgetState.reserved", equalTo("0.00")).body("budgetState.spent", equalTo("0.00"));
        acme.request().post("/v1/awards/" + id + "/approve").then().statusCode(409);
        acme.request().get("/v1/audit").then().body("items.find { it.action == 'review.rejected' }.detail",
                equalTo("Twenty accounts on one phone"));
    }

    @Test
    void theJob_rejectsWhatNobodyDecidedOnInTime_asTheSystem() throws Exception {
        Api acme = Api.newPartner();
        String moment = reviewed(acme, "30.00", "0", "PT1S");
        String id = (String) purchase(acme, "u-waiting").get(0).get("id");
        Thread.sleep(1_200);

        int rejected = 0;
        for (int round = 0; round < 10 && rejected == 0; round++) {
            rejected += reviews.rejectDue(1_000); // other tests' awards may be due too: this one is rejected
            rejected = acme.request().get("/v1/awards/" + id).then().extract().path("status").equals("CANCELLED")
                    ? 1 : 0;
        }
        acme.request().get("/v1/awards/" + id).then().body("status", equalTo("CANCELLED"))
                .body("history.reason", hasItem("not reviewed in time"));
        acme.moment(moment).body("budgetState.reserved", equalTo("0.00"));
        acme.request().get("/v1/audit").then().body("items.find { it.action == 'review.rejected' }.actor",
                equalTo("system"));
    }

    @Test
    void onlyCompletionsPricedAboveTheReviewPriceWait_andTheRuleIsCheckedAsTheOthersAre() {
        Api acme = Api.newPartner();
        String moment = reviewed(acme, "25.00", "25.00", null);
        assertThat(purchase(acme, "u-at-the-price").get(0).get("status")).isEqualTo("EARNED");
        acme.request().body(Map.of("review", Map.of("above", "10.00"))).patch("/v1/moments/" + moment).then()
                .statusCode(409); // a LIVE moment is paused before it is edited

        for (Object[] refused : new Object[][] {{Map.of("above", "abc"), "review.above"},
                {Map.of("above", "-1"), "review.above"}, {Map.of("above", "25.001"), "review.above"},
                {Map.of("autoRejectAfter", "P1D"), "review.above"},
                {Map.of("above", "1", "autoRejectAfter", "P400D"), "review.autoRejectAfter"},
                {Map.of("above", "1", "autoRejectAfter", "PT0S"), "review.autoRejectAfter"}}) {
            Map<String, Object> body = body(acme, "30.00");
            body.put("review", refused[0]);
            acme.request().body(body).post("/v1/moments").then().statusCode(422)
                    .body("errors[0].field", equalTo(refused[1]));
        }
    }

    /** A launched moment paying {@code price} per action, reviewing above {@code above}. */
    private static String reviewed(Api partner, String price, String above, String autoRejectAfter) {
        Map<String, Object> review = new LinkedHashMap<>(Map.of("above", above));
        if (autoRejectAfter != null) {
            review.put("autoRejectAfter", autoRejectAfter);
        }
        Map<String, Object> body = body(partner, price);
        body.put("review", review);
        String moment = partner.request().body(body).post("/v1/moments").then().statusCode(201).extract().path("id");
        return partner.launch(moment);
    }

    private static Map<String, Object> body(Api partner, String price) {
        return new LinkedHashMap<>(Map.of("name", "Big spender", "trigger", PURCHASE,
                "schedule", Api.schedule("UTC"), "rewards", List.of(partner.createReward("5.00")),
                "budget", Map.of("currency", "USD", "total", "1000.00", "costPerAction", price)));
    }

    private static List<Map<String, Object>> purchase(Api partner, String user) {
        return partner.event(Map.of("type", "purchase.completed", "userId", user,
                "occurredAt", Instant.now().toString())).extract().jsonPath().getList("awards");
    }

    private static String reward(Api partner, String moment) {
        return partner.moment(moment).extract().path("rewards[0]");
    }

    private static String token(String redeemUrl) {
        return redeemUrl.substring(redeemUrl.lastIndexOf('/') + 1);
    }

    /** How many {@code award.earned} events the outbox holds for the award (kept there for a day). */
    private static long earnedEventsOf(String awardId) {
        return count("select count(*) from outbox where type = 'award.earned' and data ->> 'id' = ?", awardId);
    }
}
