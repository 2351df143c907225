package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A partner's view of the HTTP API, for end-to-end tests: short calls for the common steps. */
final class Api {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    final String partnerId;
    final String apiKey;

    private Api(String partnerId, String apiKey) {
        this.partnerId = partnerId;
        this.apiKey = apiKey;
    }

    /** A new partner, created through the admin API. */
    static Api newPartner() {
        Map<String, Object> created = given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Shop", "currency", "USD"))
                .post("/admin/v1/partners")
                .then().statusCode(201).extract().jsonPath().getMap("");
        return new Api((String) created.get("id"), (String) created.get("apiKey"));
    }

    RequestSpecification request() {
        return given().auth().oauth2(apiKey).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    String createReward(String cost) {
        return request().body(Map.of("name", "Store credit", "kind", "CREDIT", "cost", cost, "currency", "USD",
                        "fulfillment", Map.of("provider", "sandbox")))
                .post("/v1/rewards").then().statusCode(201).extract().path("id");
    }

    /** A DRAFT moment "spend at least $25 in one order" with the given budget. */
    String createSpendMoment(String total, String costPerAction) {
        String reward = createReward("5.00");
        return request().body(Map.of(
                        "name", "Spend at least $25 in one order",
                        "trigger", Map.of("kind", "event", "event", "order.completed", "where", "event.total >= 25"),
                        "budget", Map.of("currency", "USD", "total", total, "costPerAction", costPerAction),
                        "rewards", List.of(reward),
                        "messages", Map.of("announcement", "You earned a reward!")))
                .post("/v1/moments").then().statusCode(201).extract().path("id");
    }

    String launchedSpendMoment(String total, String costPerAction) {
        String moment = createSpendMoment(total, costPerAction);
        request().post("/v1/moments/" + moment + "/launch").then().statusCode(200);
        return moment;
    }

    ValidatableResponse order(String eventId, String userId, Object total) {
        return request().body(Map.of("id", eventId, "type", "order.completed", "userId", userId,
                        "properties", Map.of("total", total)))
                .post("/v1/events").then();
    }

    static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID();
    }
}
