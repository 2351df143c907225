package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /v1/moments/{id}} against PostgreSQL: a JSON merge patch of a DRAFT or PAUSED moment, checked as a new
 * moment is, refused whole (and changing nothing) otherwise.
 */
@QuarkusTest
class EditMomentTest {

    @Inject
    RewardRepository rewards;

    @Inject
    TransactionRunner transactions;

    private Api acme;

    @BeforeEach
    void givenAPartner() {
        acme = Api.newPartner();
    }

    private ValidatableResponse patch(String moment, Object body) {
        return acme.request().body(body).patch("/v1/moments/" + moment).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private static ValidatableResponse invalid(ValidatableResponse response, int status, String field) {
        return problem(response, status).body("errors.field", hasItem(field)).body("detail", containsString(field));
    }

    private Map<String, Object> shown(String moment) {
        return acme.moment(moment).extract().jsonPath().getMap("");
    }

    /** Sends {@code body} as a patch, expects it refused with {@code status} naming {@code field}, and nothing changed. */
    private ValidatableResponse refusedAndUnchanged(String moment, Object body, int status, String field) {
        Map<String, Object> before = shown(moment);
        ValidatableResponse refused = invalid(patch(moment, body), status, field);
        assertThat(shown(moment)).isEqualTo(before);
        return refused;
    }

    private String awardReserved(ValidatableResponse event) {
        String award = event.body("awards", hasSize(1)).extract().path("awards[0].id");
        return acme.request().get("/v1/awards/" + award).then().statusCode(200).extract().path("reserved");
    }

    @Test
    void aDraftTakesANewNameAndTriggerAndOnceLaunchedTheNewTriggerIsWhatPays() {
        String moment = acme.createSpendMoment("100.00", "10.00");

        acme.request().contentType("application/merge-patch+json")
                .body("{\"name\": \"Finish the tutorial\","
                        + " \"trigger\": {\"kind\": \"event\", \"event\": \"tutorial.completed\"}}")
                .patch("/v1/moments/" + moment).then().statusCode(200)
                .body("id", equalTo(moment))
                .body("status", equalTo("DRAFT"))
                .body("name", equalTo("Finish the tutorial"))
                .body("trigger.kind", equalTo("event"))
                .body("trigger.event", equalTo("tutorial.completed"))
                .body("trigger", not(hasKey("where")))
                .body("budget.costPerAction", equalTo("10.00"))
                .body("messages.announcement", equalTo("You earned a reward!"));
        acme.moment(moment).body("name", equalTo("Finish the tutorial"))
                .body("trigger.event", equalTo("tutorial.completed"));

        acme.launch(moment);
        acme.order("evt-" + moment, "u-1", 42.50).statusCode(200).body("awards", empty());
        acme.event("tutorial.completed", "u-2", Instant.now(), Map.of())
                .body("awards", hasSize(1)).body("awards[0].momentId", equalTo(moment));
    }

    @Test
    void aLiveOrFinishedMomentIsNotEditableAndStaysAsItWas() {
        String live = acme.launchedSpendMoment("100.00", "10.00");
        Map<String, Object> before = shown(live);

        problem(patch(live, Map.of("name", "Renamed")), 409).body("type", endsWith("/not-editable"))
                .body("detail", containsString("LIVE")).body("detail", containsString("pause it first"));
        assertThat(shown(live)).isEqualTo(before);

        acme.request().post("/v1/moments/" + live + "/finish").then().statusCode(200);
        problem(patch(live, Map.of("budget", Map.of("costPerAction", "9.00"))), 409)
                .body("type", endsWith("/not-editable"));
        acme.moment(live).body("status", equalTo("FINISHED")).body("budget.costPerAction", equalTo("10.00"));
    }

    @Test
    void aPausedMomentRepricedPaysTheNewPriceAfterItsResumeAndEarlierAwardsKeepTheirReservation() {
        String moment = acme.launchedSpendMoment("100.00", "10.00");
        String first = acme.order("evt-1-" + moment, "u-1", 30).statusCode(200).extract().path("awards[0].id");
        acme.request().post("/v1/moments/" + moment + "/pause").then().statusCode(200);

        patch(moment, Map.of("budget", Map.of("costPerAction", "8.00", "dailyCap", "30.00"))).statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("budget.costPerAction", equalTo("8.00"))
                .body("budget.dailyCap", equalTo("30.00"))
                .body("budget.total", equalTo("100.00"))
                .body("budget.currency", equalTo("USD"))
                .body("budgetState.reserved", equalTo("10.00"));
        acme.request().post("/v1/moments/" + moment + "/resume").then().statusCode(200).body("status", equalTo("LIVE"));

        assertThat(awardReserved(acme.order("evt-2-" + moment, "u-2", 30).statusCode(200))).isEqualTo("8.00");
        assertThat(awardReserved(acme.order("evt-3-" + moment, "u-3", 30).statusCode(200))).isEqualTo("8.00");
        acme.request().get("/v1/awards/" + first).then().statusCode(200).body("reserved", equalTo("10.00"));
        acme.moment(moment).body("budget.costPerAction", equalTo("8.00")).body("budget.dailyCap", equalTo("30.00"))
                .body("budgetState.reserved", equalTo("26.00")).body("budgetState.remaining", equalTo("74.00"));
        Ledgers.assertBalanced(acme, moment);
    }

    @Test
    void aRewardCostingMoreThanTheLoweredPriceIsRefusedNamingTheField() {
        String moment = acme.createSpendMoment("100.00", "10.00"); // its reward costs 5.00
        refusedAndUnchanged(moment, Map.of("budget", Map.of("costPerAction", "4.99")), 422, "budget.costPerAction")
                .body("detail", containsString("more than the costPerAction"));

        String expensive = acme.createReward("12.00");
        refusedAndUnchanged(moment, Map.of("rewards", List.of(expensive)), 422, "rewards[0]");
        refusedAndUnchanged(moment, Map.of("budget", Map.of("costPerAction", "11.00"), "rewards",
                List.of(acme.createReward("5.00"), expensive)), 422, "rewards[1]");
        patch(moment, Map.of("budget", Map.of("costPerAction", "12.00"), "rewards", List.of(expensive)))
                .statusCode(200).body("rewards", equalTo(List.of(expensive)));
    }

    @Test
    void aRewardInAnotherCurrencyIsRefused() {
        String moment = acme.createSpendMoment("100.00", "10.00");
        Map<String, Object> euroPartner = given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Euro Shop", "currency", "EUR")).post("/admin/v1/partners")
                .then().statusCode(201).extract().jsonPath().getMap("");
        String theirs = given().auth().oauth2((String) euroPartner.get("apiKey")).contentType(ContentType.JSON)
                .body(Map.of("name", "Bon", "kind", "CREDIT", "cost", "1.00", "currency", "EUR",
                        "fulfillment", Map.of("provider", "sandbox")))
                .post("/v1/rewards").then().statusCode(201).extract().path("id");
        refusedAndUnchanged(moment, Map.of("rewards", List.of(theirs)), 422, "rewards[0]");

        // a reward of the partner's own in another currency: the API refuses to create one, the store could hold one
        RewardId inEuros = new RewardId(Api.uniqueId("rwd_eur_"));
        transactions.inTransaction(() -> {
            rewards.insert(new Reward(inEuros, new PartnerId(acme.partnerId), "Old voucher", RewardKind.CREDIT,
                    Money.of("1.00", "EUR"), Set.of(), FulfillmentProvider.SANDBOX, null, null, Instant.now()));
            return null;
        });
        refusedAndUnchanged(moment, Map.of("rewards", List.of(inEuros.value())), 422, "rewards[0]")
                .body("detail", containsString("not in the budget's currency"));
    }

    @Test
    void theTotalChangesOnlyThroughATopUpAndTheCurrencyNever() {
        String moment = acme.createSpendMoment("100.00", "10.00");
        refusedAndUnchanged(moment, Map.of("budget", Map.of("total", "5000.00")), 422, "budget.total")
                .body("detail", containsString("/budget/top-up"));
        refusedAndUnchanged(moment, Map.of("budget", Map.of("total", "100.00", "costPerAction", "9.00")), 422,
                "budget.total");
        refusedAndUnchanged(moment, Map.of("budget", Map.of("currency", "EUR")), 422, "budget.currency")
                .body("detail", containsString("cannot change"));
        refusedAndUnchanged(moment, "{\"budget\": {\"currency\": null}}", 422, "budget.currency");

        patch(moment, Map.of("budget", Map.of("currency", "USD", "costPerAction", "9.00"))).statusCode(200)
                .body("budget.costPerAction", equalTo("9.00")).body("budget.total", equalTo("100.00"));
    }

    @Test
    void anUnknownMomentAndAnotherPartnersAreNotFound() {
        problem(patch("mom_doesnotexist", Map.of("name", "x")), 404);

        String theirs = Api.newPartner().createSpendMoment("100.00", "10.00");
        problem(patch(theirs, Map.of("name", "Hijacked")), 404).body("detail", not(containsString("Hijacked")));
    }

    @Test
    void malformedJsonAndValuesOfTheWrongTypeAreBadRequests() {
        String moment = acme.createSpendMoment("100.00", "10.00");
        Map<String, Object> before = shown(moment);

        problem(patch(moment, "{\"name\": "), 400).body("type", endsWith("/malformed-json"));
        problem(patch(moment, "[]"), 400);
        invalid(patch(moment, "{\"holdoutPercent\": \"ten\"}"), 400, "holdoutPercent");
        invalid(patch(moment, "{\"limits\": {\"cooldown\": \"forever\"}}"), 400, "limits.cooldown");
        invalid(patch(moment, "{\"trigger\": [1]}"), 400, "trigger");
        invalid(patch(moment, "{\"budget\": {\"costPerAction\": \"ten\"}}"), 422, "budget.costPerAction");
        invalid(patch(moment, "{\"schedule\": {\"timezone\": \"Mars/Olympus\"}}"), 422, "schedule.timezone");
        problem(acme.request().patch("/v1/moments/" + moment).then(), 422);
        assertThat(shown(moment)).isEqualTo(before);
    }

    @Test
    void nullClearsAnOptionalFieldAndIsRefusedForARequiredOne() {
        String moment = acme.createMoment(Map.of("kind", "event", "event", "order.completed"), Map.of(
                "budget", Map.of("currency", "USD", "total", "1000.00", "costPerAction", "10.00", "dailyCap", "50.00"),
                "limits", Map.of("perUser", 2, "cooldown", "P1D", "claimWithin", "P30D"),
                "audience", Map.of("countries", List.of("US"), "where", "user.plan == 'free'"),
                "holdoutPercent", 10));

        patch(moment, "{\"budget\": {\"dailyCap\": null}, \"limits\": {\"cooldown\": null},"
                + " \"audience\": {\"where\": null}, \"holdoutPercent\": null}").statusCode(200)
                .body("budget.dailyCap", nullValue())
                .body("budget.costPerAction", equalTo("10.00"))
                .body("limits.cooldown", nullValue())
                .body("limits.perUser", equalTo(2))
                .body("limits.claimWithin", equalTo("P30D"))
                .body("audience.where", nullValue())
                .body("audience.countries", equalTo(List.of("US")))
                .body("holdoutPercent", equalTo(0))
                .body("schedule.startsAt", equalTo(Api.STARTS_AT));

        refusedAndUnchanged(moment, "{\"name\": null}", 422, "name");
        refusedAndUnchanged(moment, "{\"trigger\": null}", 422, "trigger");
        refusedAndUnchanged(moment, "{\"rewards\": null}", 422, "rewards");
        refusedAndUnchanged(moment, "{\"budget\": null}", 422, "budget");
        refusedAndUnchanged(moment, "{\"budget\": {\"costPerAction\": null}}", 422, "budget.costPerAction");
    }

    @Test
    void theEditedMomentPassesEveryCheckOfANewOne() {
        String moment = acme.createSpendMoment("100.00", "10.00");
        refusedAndUnchanged(moment, Map.of("trigger", Map.of("kind", "event", "event", "order.completed",
                "where", "event.total >=")), 422, "trigger.where");
        refusedAndUnchanged(moment, Map.of("audience", Map.of("where", "user.plan ==")), 422, "audience.where");
        refusedAndUnchanged(moment, Map.of("schedule", Map.of("endsAt", "2020-01-01T00:00:00Z")), 422,
                "schedule.endsAt");
        refusedAndUnchanged(moment, Map.of("limits", Map.of("perUser", 0)), 422, "limits.perUser");
        refusedAndUnchanged(moment, Map.of("budget", Map.of("dailyCap", "5.00")), 422, "budget.dailyCap");
        refusedAndUnchanged(moment, Map.of("rewards", List.of("rwd_nope")), 422, "rewards[0]");
    }

    @Test
    void aNewTriggerOfAPausedMomentStartsUsersProgressAgain() {
        String moment = acme.launchedMoment(Map.of("kind", "count", "event", "level.reached", "atLeast", 2));
        Instant now = Instant.now();
        acme.event("level.reached", "u-1", now, Map.of()).body("awards", empty());
        acme.request().post("/v1/moments/" + moment + "/pause").then().statusCode(200);

        patch(moment, Map.of("trigger", Map.of("kind", "all", "of", List.of(
                Map.of("kind", "count", "event", "level.reached", "atLeast", 2),
                Map.of("kind", "event", "event", "tutorial.completed"))))).statusCode(200)
                .body("trigger.kind", equalTo("all")).body("trigger.of", hasSize(2));
        acme.request().post("/v1/moments/" + moment + "/resume").then().statusCode(200);

        // the level reached before the edit no longer counts
        acme.event("level.reached", "u-1", now.plusSeconds(1), Map.of()).body("awards", empty());
        acme.event("tutorial.completed", "u-1", now.plusSeconds(2), Map.of()).body("awards", empty());
        acme.event("level.reached", "u-1", now.plusSeconds(3), Map.of()).body("awards", hasSize(1));
    }

    @Test
    void anEditRacingALaunchLandsWholeBeforeItOrIsRefusedWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String moment = acme.createSpendMoment("100.00", "10.00");
                Future<Integer> edit = pool.submit(() -> acme.request()
                        .body(Map.of("name", "Edited", "budget", Map.of("costPerAction", "8.00")))
                        .patch("/v1/moments/" + moment).statusCode());
                Future<Integer> launch = pool.submit(() -> acme.request().post("/v1/moments/" + moment + "/launch")
                        .statusCode());

                assertThat(launch.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                int edited = edit.get(30, TimeUnit.SECONDS);
                assertThat(edited).isIn(200, 409);
                boolean applied = edited == 200;
                acme.moment(moment).body("status", equalTo("LIVE"))
                        .body("name", equalTo(applied ? "Edited" : "Spend at least $25 in one order"))
                        .body("budget.costPerAction", equalTo(applied ? "8.00" : "10.00"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheEdit() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/moments/{id}'", hasKey("patch"))
                .body("paths.'/v1/moments/{id}'.patch.requestBody.content", hasKey("application/merge-patch+json"))
                .body("components.schemas.EditMoment.properties", hasKey("trigger"))
                .body("components.schemas.EditMoment.properties", hasKey("budget"))
                .body("components.schemas.BudgetEdit.properties", hasKey("costPerAction"))
                .body("components.schemas.BudgetEdit.properties", not(hasKey("total")));
    }
}
