package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input gets a 4xx problem+json naming the field: never a 500, never a stack trace. */
@QuarkusTest
class BadInputTest {

    private Api acme;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        acme = Api.newPartner();
        reward = acme.createReward("5.00");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    private ValidatableResponse postMoment(String json) {
        return acme.request().body(json).post("/v1/moments").then();
    }

    private String moment(String trigger, String budget) {
        return "{\"name\":\"m\",\"trigger\":" + trigger + ",\"budget\":" + budget + ",\"rewards\":[\"" + reward + "\"]}";
    }

    private static final String TRIGGER = "{\"kind\":\"event\",\"event\":\"order.completed\"}";
    private static final String BUDGET = "{\"currency\":\"USD\",\"total\":\"100.00\",\"costPerAction\":\"10.00\"}";

    @Test
    void malformedJsonIsABadRequest() {
        problem(acme.request().body("{\"id\": ").post("/v1/events").then(), 400)
                .body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        problem(acme.request().body("").post("/v1/events").then(), 422).body("errors.field", hasItem("body"));
        problem(acme.request().post("/v1/moments").then(), 422).body("errors.field", hasItem("body"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        problem(acme.request().body(Map.of("id", "x", "type", "t")).post("/v1/events").then(), 422)
                .body("errors.field", hasItem("userId"));
        problem(postMoment("{\"name\":\"m\",\"budget\":" + BUDGET + ",\"rewards\":[\"" + reward + "\"]}"), 422)
                .body("errors.field", hasItem("trigger"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"rewards\":[\"" + reward + "\"]}"), 422)
                .body("errors.field", hasItem("budget"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET + "}"), 422)
                .body("errors.field", hasItem("rewards"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        problem(acme.request().body("{\"id\":\"e\",\"type\":\"t\",\"userId\":\"u\",\"occurredAt\":\"yesterday\"}")
                .post("/v1/events").then(), 400).body("errors.field", hasItem("occurredAt"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"],\"holdoutPercent\":\"many\"}"), 400)
                .body("errors.field", hasItem("holdoutPercent"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":\"" + reward + "\"}"), 400).body("errors.field", hasItem("rewards"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"],\"limits\":{\"claimWithin\":\"soon\"}}"), 400)
                .body("errors.field", hasItem("limits.claimWithin"));
    }

    @Test
    void anUnknownTriggerKindIsNamed() {
        problem(postMoment(moment("{\"kind\":\"teleport\",\"event\":\"x\"}", BUDGET)), 422)
                .body("errors.field", hasItem("trigger.kind"))
                .body("detail", containsString("teleport"));
    }

    @Test
    void anInvalidWhereExpressionIsNamedWithItsPosition() {
        problem(postMoment(moment("{\"kind\":\"event\",\"event\":\"order.completed\",\"where\":\"event.total >= \"}",
                BUDGET)), 422)
                .body("errors.field", hasItem("trigger.where"))
                .body("detail", containsString("position"));
    }

    @Test
    void unknownCurrenciesAreRefused() {
        problem(postMoment(moment(TRIGGER, "{\"currency\":\"XYZ\",\"total\":\"100.00\",\"costPerAction\":\"10.00\"}")), 422)
                .body("errors.field", hasItem("budget.currency"));
        problem(given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme", "currency", "DOLLARS")).post("/admin/v1/partners").then(), 422)
                .body("errors.field", hasItem("currency"));
    }

    @Test
    void negativeZeroAndAbsurdAmountsAreRefused() {
        problem(postMoment(moment(TRIGGER, "{\"currency\":\"USD\",\"total\":\"-100.00\",\"costPerAction\":\"10.00\"}")), 422)
                .body("errors.field", hasItem("budget.total"));
        problem(postMoment(moment(TRIGGER, "{\"currency\":\"USD\",\"total\":\"100.00\",\"costPerAction\":\"0\"}")), 422)
                .body("errors.field", hasItem("budget.costPerAction"));
        problem(postMoment(moment(TRIGGER, "{\"currency\":\"USD\",\"total\":\"1e308\",\"costPerAction\":\"10.00\"}")), 422)
                .body("errors.field", hasItem("budget.total"));
        problem(postMoment(moment(TRIGGER, "{\"currency\":\"USD\",\"total\":\"99999999999999.00\",\"costPerAction\":\"10.00\"}")), 422)
                .body("errors.field", hasItem("budget.total"));
        problem(postMoment(moment(TRIGGER, "{\"currency\":\"USD\",\"total\":\"100.001\",\"costPerAction\":\"10.00\"}")), 422)
                .body("errors.field", hasItem("budget.total"));
        problem(acme.request().body(Map.of("name", "x", "kind", "CREDIT", "cost", "-1.00", "currency", "USD",
                "fulfillment", Map.of("provider", "sandbox"))).post("/v1/rewards").then(), 422)
                .body("errors.field", hasItem("cost"));
    }

    @Test
    void emptyEntriesInListsAreNamedWithTheirIndex() {
        problem(acme.request().body("{\"name\":\"x\",\"kind\":\"CREDIT\",\"cost\":\"1.00\",\"currency\":\"USD\","
                + "\"countries\":[\"US\",null],\"fulfillment\":{\"provider\":\"sandbox\"}}").post("/v1/rewards").then(), 422)
                .body("errors.field", hasItem("countries[1]"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"],\"audience\":{\"platforms\":[\"\"]}}"), 422)
                .body("errors.field", hasItem("audience.platforms[0]"));
    }

    @Test
    void aRewardCostingMoreThanThePricePerActionIsRefusedWhenTheMomentIsCreated() {
        String expensive = acme.createReward("12.00");
        problem(acme.request().body(Map.of("name", "m", "trigger", Map.of("kind", "event", "event", "x"),
                "budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "10.00"),
                "rewards", List.of(expensive))).post("/v1/moments").then(), 422)
                .body("errors.field", hasItem("rewards[0]"));
    }

    @Test
    void aTopUpMustBeAPositiveAmount() {
        String moment = acme.createSpendMoment("10.00", "10.00");
        problem(acme.request().body("{\"amount\":\"-5\"}").post("/v1/moments/" + moment + "/budget/top-up").then(), 422)
                .body("errors.field", hasItem("amount"));
        problem(acme.request().body("{}").post("/v1/moments/" + moment + "/budget/top-up").then(), 422)
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void unknownResourcesAndBadPagingAreProblemsToo() {
        problem(acme.request().get("/v1/moments/mom_doesnotexist").then(), 404);
        problem(acme.request().get("/v1/rewards?limit=lots").then(), 422).body("errors.field", hasItem("limit"));
        problem(acme.request().get("/v1/rewards?limit=501").then(), 422).body("errors.field", hasItem("limit"));
    }

    @Test
    void absurdNumbersNulCharactersAndTimesOutOfRangeAreRefusedNotFatal() {
        problem(acme.request().body("{\"id\":\"e-big\",\"type\":\"t\",\"userId\":\"u\",\"properties\":{\"x\":1e999999999}}")
                .post("/v1/events").then(), 422).body("errors.field", hasItem("properties.x"));
        problem(acme.request().body("{\"id\":\"e-nul\",\"type\":\"t\",\"userId\":\"u\\u0000\"}")
                .post("/v1/events").then(), 422).body("errors.field", hasItem("userId"));
        problem(acme.request().body("{\"id\":\"e-nul2\",\"type\":\"t\",\"userId\":\"u\",\"user\":{\"plan\":\"a\\u0000\"}}")
                .post("/v1/events").then(), 422).body("errors.field", hasItem("user.plan"));
        problem(acme.request().body(Map.of("id", "e-old", "type", "t", "userId", "u",
                "occurredAt", "1970-01-01T00:00:00Z")).post("/v1/events").then(), 422)
                .body("errors.field", hasItem("occurredAt"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"],\"limits\":{\"claimWithin\":\"P200000000D\"}}"), 422)
                .body("errors.field", hasItem("limits.claimWithin"));
        problem(postMoment("{\"name\":\"m\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"],\"schedule\":{\"startsAt\":\"+99999-01-01T00:00:00Z\"}}"), 422)
                .body("errors.field", hasItem("schedule.startsAt"));
        problem(acme.request().get("/v1/moments/%20").then(), 404);
    }

    @Test
    void aNulCharacterAnywhereIsRefusedWithA422AndNothingIsStored() {
        problem(postMoment("{\"name\":\"m\\u0000\",\"trigger\":" + TRIGGER + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"]}"), 422);
        problem(acme.request().body("{\"name\":\"r\",\"kind\":\"CREDIT\",\"cost\":\"1.00\",\"currency\":\"USD\","
                + "\"description\":\"a\\u0000b\",\"fulfillment\":{\"provider\":\"sandbox\"}}")
                .post("/v1/rewards").then(), 422);
        problem(acme.request().body("{\"id\":\"e-nul-prop\",\"type\":\"t\",\"userId\":\"u\","
                + "\"properties\":{\"note\":\"a\\u0000\"}}").post("/v1/events").then(), 422);
        problem(acme.request().body("{\"id\":\"e-nul-type\",\"type\":\"t\\u0000\",\"userId\":\"u\"}")
                .post("/v1/events").then(), 422);
        acme.request().get("/v1/moments").then().statusCode(200).body("items", hasSize(0));

        // in a batch, the event that holds one fails alone
        acme.launchedSpendMoment("100.00", "10.00");
        acme.request().body("{\"events\":[{\"id\":\"n-1\",\"type\":\"order.completed\",\"userId\":\"u-1\","
                        + "\"properties\":{\"total\":30}},{\"id\":\"n-2\",\"type\":\"order.completed\","
                        + "\"userId\":\"u-2\",\"properties\":{\"total\":30,\"note\":\"x\\u0000\"}},"
                        + "{\"id\":\"n-3\",\"type\":\"order.completed\",\"userId\":\"u-3\","
                        + "\"properties\":{\"total\":30}}]}")
                .post("/v1/events/batch").then().statusCode(200)
                .body("results[0].awards.size()", equalTo(1))
                .body("results[1].status", equalTo(422))
                .body("results[2].awards.size()", equalTo(1));
    }

    @Test
    void anEventTooFarInTheFutureIsRefused() {
        problem(acme.request().body(Map.of("id", "e-future", "type", "t", "userId", "u",
                "occurredAt", "2999-01-01T00:00:00Z")).post("/v1/events").then(), 422)
                .body("errors.field", hasItem("occurredAt"));
    }

    @Test
    void oneBadEventInABatchFailsAloneAndTheOthersAreRecorded() {
        acme.launchedSpendMoment("100.00", "10.00");
        acme.request().body("{\"events\":[{\"id\":\"b-1\",\"type\":\"order.completed\",\"userId\":\"u-1\","
                        + "\"properties\":{\"total\":30}},{\"id\":\"b-2\",\"type\":\"order.completed\"},"
                        + "{\"id\":\"b-3\",\"type\":\"order.completed\",\"userId\":\"u-3\",\"occurredAt\":\"never\"},"
                        + "{\"id\":\"b-4\",\"type\":\"order.completed\",\"userId\":\"u-4\",\"properties\":{\"total\":40}}]}")
                .post("/v1/events/batch").then().statusCode(200)
                .body("results[0].awards.size()", equalTo(1))
                .body("results[1].status", equalTo(422))
                .body("results[1].errors[0].field", equalTo("userId"))
                .body("results[2].status", equalTo(400))
                .body("results[2].errors[0].field", equalTo("occurredAt"))
                .body("results[3].awards.size()", equalTo(1));
    }
}
