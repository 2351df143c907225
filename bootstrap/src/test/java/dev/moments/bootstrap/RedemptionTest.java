package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.domain.partner.PartnerId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redemption API end to end: preview, claim per provider, every refusal, the money and the history. */
@QuarkusTest
class RedemptionTest {

    @Inject
    DomainEventOutbox outbox;

    private static List<String> ledger(Api partner, String moment) {
        return partner.request().get("/v1/moments/" + moment + "/ledger").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().map(item -> item.get("kind") + " " + item.get("amount"))
                .toList();
    }

    @Test
    void aSandboxClaimIsFulfilledAtOnceSettlesTheCostAndReleasesTheRest() {
        Api acme = Api.newPartner();
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String moment = Claims.moment(acme, "100.00", credit);
        Claims.Award award = Claims.award(acme, moment, "u-1");

        Claims.preview(award.token()).statusCode(200)
                .body("award.id", equalTo(award.id()))
                .body("award.status", equalTo("EARNED"))
                .body("award.redeemableAt", notNullValue())
                .body("state", equalTo("OPEN"))
                .body("announcement", equalTo("You earned a reward!"))
                .body("confirmation", equalTo("On its way."))
                .body("rewards", hasSize(1))
                .body("rewards[0].id", equalTo(credit))
                .body("rewards[0].kind", equalTo("CREDIT"))
                .body("rewards[0].description", equalTo("A credit reward"))
                .body("rewards[0].imageUrl", equalTo("https://img.example.com/reward.png"))
                .body("rewards[0].available", equalTo(true))
                .body("delivery", nullValue());
        assertThat(ledger(acme, moment)).containsExactly("TOP_UP 100.00", "RESERVE 10.00");

        Claims.claim(award.token(), credit).statusCode(200).body("status", equalTo("FULFILLED"))
                .body("code", nullValue());

        assertThat(ledger(acme, moment)).containsExactly("TOP_UP 100.00", "RESERVE 10.00", "SETTLE 4.00",
                "RELEASE 6.00");
        acme.moment(moment).body("budgetState.reserved", equalTo("0.00")).body("budgetState.spent", equalTo("4.00"))
                .body("budgetState.remaining", equalTo("96.00"));
        Ledgers.assertBalanced(acme, moment);
        JsonPath view = acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("status", equalTo("FULFILLED"))
                .body("rewardId", equalTo(credit))
                .body("claimedAt", notNullValue())
                .body("delivery.status", equalTo("FULFILLED"))
                .extract().jsonPath();
        assertThat(view.getList("history.status")).containsExactly("EARNED", "CLAIMED", "FULFILLED");
        assertThat(view.getList("history.at")).doesNotContainNull();
        Claims.preview(award.token()).statusCode(200).body("state", equalTo("CLAIMED"))
                .body("award.status", equalTo("FULFILLED"))
                .body("delivery.rewardId", equalTo(credit))
                .body("delivery.status", equalTo("FULFILLED"));

        Claims.claim(award.token(), credit).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("already-claimed"));
        assertThat(ledger(acme, moment)).hasSize(4);
    }

    @Test
    void unknownLinksAreNotFoundWithoutCredentials() {
        String unknown = "A".repeat(43);
        Claims.preview(unknown).statusCode(404).contentType("application/problem+json");
        Claims.preview("short").statusCode(404);
        Claims.claim(unknown, "rwd_x").statusCode(404);
    }

    @Test
    void everyRefusalHasItsStatus() {
        Api acme = Api.newPartner();
        String figure = Claims.reward(acme, "PHYSICAL", "8.00", "sandbox", List.of("US", "CA"));
        String other = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String moment = Claims.moment(acme, "100.00", Map.of("perUser", 10), figure);

        Claims.Award award = Claims.award(acme, moment, "u-1");
        Claims.claim(award.token(), Map.of()).statusCode(422).body("errors[0].field", equalTo("rewardId"));
        Claims.claim(award.token(), other).statusCode(422).body("errors[0].field", equalTo("rewardId"));
        Claims.claim(award.token(), figure).statusCode(422).body("errors[0].field", equalTo("shipping"));
        Map<String, Object> badPostalCode = new HashMap<>(Claims.ADDRESS);
        badPostalCode.put("postalCode", "ABC");
        Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", badPostalCode)).statusCode(422)
                .body("errors[0].field", equalTo("shipping.postalCode"));
        Map<String, Object> noCity = new HashMap<>(Claims.ADDRESS);
        noCity.remove("city");
        Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", noCity)).statusCode(422)
                .body("errors[0].field", equalTo("shipping.city"));
        Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS, "email", "nope"))
                .statusCode(422).body("errors[0].field", equalTo("email"));
        Map<String, Object> german = Map.of("name", "Ada", "line1", "Hauptstr. 1", "city", "Berlin",
                "postalCode", "10115", "country", "DE");
        Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", german)).statusCode(409)
                .body("type", endsWith("reward-unavailable")).body("reason", equalTo("NOT_IN_COUNTRY"));
        Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", "not an object")).statusCode(400);
        Claims.preview(award.token()).statusCode(200).body("state", equalTo("OPEN"));
        assertThat(ledger(acme, moment)).containsExactly("TOP_UP 100.00", "RESERVE 10.00");

        Claims.claim(award.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS, "email",
                "ada@example.com")).statusCode(200).body("status", equalTo("FULFILLED"));

        Claims.Award cancelled = Claims.award(acme, moment, "u-2");
        acme.request().post("/v1/awards/" + cancelled.id() + "/cancel").then().statusCode(200);
        Claims.preview(cancelled.token()).statusCode(200).body("state", equalTo("CANCELLED"));
        Claims.claim(cancelled.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS)).statusCode(410)
                .body("type", endsWith("cancelled"));
        Ledgers.assertBalanced(acme, moment);
    }

    @Test
    void aLinkIsNotRedeemableBeforeRedeemAfterAndGoneAfterClaimWithin() throws InterruptedException {
        Api acme = Api.newPartner();
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String later = Claims.moment(acme, "100.00", Map.of("redeemAfter", "PT1H"), credit);
        Claims.Award early = Claims.award(acme, later, "u-1");
        Claims.preview(early.token()).statusCode(200).body("state", equalTo("NOT_YET_REDEEMABLE"));
        Claims.claim(early.token(), credit).statusCode(409).body("type", endsWith("not-yet-redeemable"));

        String brief = Claims.moment(acme, "100.00", Map.of("claimWithin", "PT1S"), credit);
        Claims.Award expiring = Claims.award(acme, brief, "u-1");
        Thread.sleep(1_200);
        Claims.preview(expiring.token()).statusCode(200).body("state", equalTo("EXPIRED"));
        Claims.claim(expiring.token(), credit).statusCode(410).body("type", endsWith("expired"));
    }

    @Test
    void aCodeRewardHandsOutPooledCodesAndAnEmptyPoolMakesItUnavailable() {
        Api acme = Api.newPartner();
        String codes = Claims.reward(acme, "DIGITAL_CODE", "3.00", "codes", List.of());
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        acme.request().get("/v1/rewards/" + codes).then().statusCode(200).body("codesAvailable", equalTo(0));
        acme.request().body(Map.of("codes", List.of("X"))).post("/v1/rewards/" + credit + "/codes").then()
                .statusCode(422).body("errors[0].field", equalTo("codes"));
        acme.request().body(Map.of("codes", List.of("ok", " padded"))).post("/v1/rewards/" + codes + "/codes").then()
                .statusCode(422).body("errors[0].field", equalTo("codes[1]"));
        Api.newPartner().request().body(Map.of("codes", List.of("X"))).post("/v1/rewards/" + codes + "/codes")
                .then().statusCode(404);

        acme.request().body(Map.of("codes", List.of("GIFT-1", "GIFT-2", "GIFT-1"))).post("/v1/rewards/" + codes
                + "/codes").then().statusCode(200)
                .body("added", equalTo(2)).body("skipped", equalTo(1)).body("codesAvailable", equalTo(2));
        acme.request().body(Map.of("codes", List.of("GIFT-2", "GIFT-3"))).post("/v1/rewards/" + codes + "/codes")
                .then().statusCode(200).body("added", equalTo(1)).body("skipped", equalTo(1))
                .body("codesAvailable", equalTo(3));
        acme.request().get("/v1/rewards/" + codes).then().statusCode(200).body("codesAvailable", equalTo(3));
        acme.request().get("/v1/rewards/" + credit).then().statusCode(200).body("$", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("codesAvailable")));
        acme.request().get("/v1/rewards").then().statusCode(200)
                .body("items.find { it.id == '" + codes + "' }.codesAvailable", equalTo(3));

        String moment = Claims.moment(acme, "100.00", Map.of("perUser", 1), codes);
        java.util.Set<String> handedOut = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            Claims.Award award = Claims.award(acme, moment, "u-" + i);
            String code = Claims.claim(award.token(), codes).statusCode(200).body("status", equalTo("FULFILLED"))
                    .extract().path("code");
            handedOut.add(code);
            acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                    .body("delivery.code", equalTo(code));
        }
        assertThat(handedOut).containsExactlyInAnyOrder("GIFT-1", "GIFT-2", "GIFT-3");
        acme.request().get("/v1/rewards/" + codes).then().statusCode(200).body("codesAvailable", equalTo(0));

        Claims.Award unlucky = Claims.award(acme, moment, "u-9");
        Claims.preview(unlucky.token()).statusCode(200).body("rewards[0].available", equalTo(false))
                .body("rewards[0].unavailableReason", equalTo("OUT_OF_CODES"));
        Claims.claim(unlucky.token(), codes).statusCode(409).body("type", endsWith("reward-unavailable"))
                .body("reason", equalTo("OUT_OF_CODES"));
        Claims.preview(unlucky.token()).statusCode(200).body("state", equalTo("OPEN"))
                .body("award.status", equalTo("EARNED"));
        Ledgers.assertBalanced(acme, moment);
        acme.moment(moment).body("budgetState.spent", equalTo("9.00")).body("budgetState.reserved", equalTo("10.00"));
        assertThat(outbox.recent(new PartnerId(acme.partnerId), 100)).extracting(e -> e.type()).contains("codes.low");
    }

    @Test
    void aWebhookRewardIsDeliveredByThePartnerWhoReportsItAndAFailureIsRefunded() {
        Api acme = Api.newPartner();
        String figure = Claims.reward(acme, "PHYSICAL", "8.00", "webhook", List.of());
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String moment = Claims.moment(acme, "20.00", Map.of("perUser", 5), figure, credit);

        Claims.Award shipped = Claims.award(acme, moment, "u-1");
        Claims.claim(shipped.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS, "email",
                "ada@example.com")).statusCode(200).body("status", equalTo("FULFILLING")).body("code", nullValue());
        var claimedEvent = outbox.recent(new PartnerId(acme.partnerId), 100).stream()
                .filter(e -> e.type().equals("award.claimed")).findFirst().orElseThrow();
        assertThat(claimedEvent.data()).containsEntry("id", shipped.id()).containsEntry("rewardId", figure)
                .containsEntry("kind", "PHYSICAL").containsEntry("email", "ada@example.com")
                .containsEntry("momentId", moment).containsEntry("userId", "u-1");
        assertThat(((Map<?, ?>) claimedEvent.data().get("shipping")).get("postalCode")).isEqualTo("62701");

        Api.newPartner().request().body(Map.of("status", "FULFILLED")).post("/v1/awards/" + shipped.id()
                + "/fulfillment").then().statusCode(404);
        acme.request().body(Map.of("status", "SHIPPED")).post("/v1/awards/" + shipped.id() + "/fulfillment").then()
                .statusCode(422).body("errors[0].field", equalTo("status"));
        acme.request().body(Map.of("status", "FULFILLED", "code", "TRACK-1")).post("/v1/awards/" + shipped.id()
                + "/fulfillment").then().statusCode(200).body("result", equalTo("APPLIED"))
                .body("award.status", equalTo("FULFILLED")).body("award.delivery.code", equalTo("TRACK-1"));
        acme.request().body(Map.of("status", "FULFILLED")).post("/v1/awards/" + shipped.id() + "/fulfillment").then()
                .statusCode(200).body("result", equalTo("DUPLICATE"));
        acme.request().body(Map.of("status", "FAILED")).post("/v1/awards/" + shipped.id() + "/fulfillment").then()
                .statusCode(200).body("result", equalTo("IGNORED")).body("award.status", equalTo("FULFILLED"));
        assertThat(acme.request().get("/v1/awards/" + shipped.id()).then().statusCode(200).extract().jsonPath()
                .getList("history.status")).containsExactly("EARNED", "CLAIMED", "FULFILLING", "FULFILLED");

        Claims.Award lost = Claims.award(acme, moment, "u-2");
        Claims.claim(lost.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS)).statusCode(200);
        acme.moment(moment).body("status", equalTo("EXHAUSTED")).body("budgetState.spent", equalTo("16.00"));
        acme.request().body(Map.of("status", "FAILED", "reason", "address does not exist")).post("/v1/awards/"
                + lost.id() + "/fulfillment").then().statusCode(200).body("result", equalTo("APPLIED"))
                .body("award.status", equalTo("FAILED"))
                .body("award.delivery.status", equalTo("FAILED"))
                .body("award.delivery.reason", equalTo("address does not exist"))
                .body("award.history.reason", hasItem("address does not exist"));
        assertThat(ledger(acme, moment)).endsWith("SETTLE 8.00", "RELEASE 2.00", "REFUND 8.00");
        acme.moment(moment).body("status", equalTo("LIVE")).body("budgetState.spent", equalTo("8.00"))
                .body("budgetState.remaining", equalTo("12.00"));
        Ledgers.assertBalanced(acme, moment);

        Claims.Award cancelledByPartner = Claims.award(acme, moment, "u-3");
        Claims.claim(cancelledByPartner.token(), Map.of("rewardId", figure, "shipping", Claims.ADDRESS))
                .statusCode(200);
        acme.request().body(Map.of("status", "CANCELLED")).post("/v1/awards/" + cancelledByPartner.id()
                + "/fulfillment").then().statusCode(200).body("award.status", equalTo("FAILED"))
                .body("award.history[-1].reason", containsString("cancelled by provider"));
        Ledgers.assertBalanced(acme, moment);

        Claims.Award sandbox = Claims.award(acme, moment, "u-4");
        acme.request().body(Map.of("status", "FULFILLED")).post("/v1/awards/" + sandbox.id() + "/fulfillment")
                .then().statusCode(409).body("type", endsWith("not-reportable"));
        Claims.claim(sandbox.token(), credit).statusCode(200);
        acme.request().body(Map.of("status", "FAILED")).post("/v1/awards/" + sandbox.id() + "/fulfillment")
                .then().statusCode(409).body("type", endsWith("not-reportable"));
    }

    @Test
    void cancelledAndExpiredAwardsKeepTheirHistoryWithReasons() {
        Api acme = Api.newPartner();
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String moment = Claims.moment(acme, "100.00", credit);
        Claims.Award award = Claims.award(acme, moment, "u-1");
        acme.request().post("/v1/awards/" + award.id() + "/cancel").then().statusCode(200);
        JsonPath view = acme.request().get("/v1/awards/" + award.id()).then().statusCode(200)
                .body("rewardId", nullValue()).body("delivery", nullValue()).extract().jsonPath();
        assertThat(view.getList("history.status")).containsExactly("EARNED", "CANCELLED");
        assertThat(view.getString("history[1].reason")).isEqualTo("cancelled by the partner");
    }

    @Test
    void theOpenApiDocumentDescribesTheRedemptionApiButNotThePage() {
        Map<String, Object> paths = io.restassured.RestAssured.given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/redeem/{token}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/redeem/{token}/claim"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/rewards/{id}/codes"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/awards/{id}/fulfillment"))
                .extract().jsonPath().getMap("paths");
        // the page, its status poll and its assets are served (see RedemptionPageBrowserTest) but are no API
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/r/") || path.startsWith("/r-assets"));
        io.restassured.RestAssured.given().get("/r-assets/redeem.css").then().statusCode(200);
    }
}
