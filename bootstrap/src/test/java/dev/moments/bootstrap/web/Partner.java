package dev.moments.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A partner set up through the HTTP API, as the browser tests need it: rewards, a launched moment, an award. */
final class Partner {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final String apiKey;

    private Partner(String apiKey) {
        this.apiKey = apiKey;
    }

    static Partner create() {
        String key = given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Shop", "currency", "USD"))
                .post("/admin/v1/partners")
                .then().statusCode(201).extract().path("apiKey");
        return new Partner(key);
    }

    private RequestSpecification request() {
        return given().auth().oauth2(apiKey).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A reward; {@code fields} holds at least name, kind, cost and the provider. */
    String reward(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("currency", "USD");
        return request().body(body).post("/v1/rewards").then().statusCode(201).extract().path("id");
    }

    void uploadCodes(String reward, List<String> codes) {
        request().body(Map.of("codes", codes)).post("/v1/rewards/" + reward + "/codes")
                .then().statusCode(anyOf(is(200), is(201), is(204)));
    }

    /** A launched moment paying 10.00 for one {@code order.completed}, offering these rewards. */
    String launchedMoment(List<String> rewards, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Second order");
        body.put("trigger", Map.of("kind", "event", "event", "order.completed"));
        body.put("schedule", Map.of("startsAt", "2026-01-01T00:00:00Z", "timezone", "UTC"));
        body.put("budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "10.00"));
        body.put("rewards", rewards);
        body.put("messages", Map.of("announcement", "Thanks for your second order: pick a reward!",
                "confirmation", "Your reward is on its way."));
        body.putAll(extra);
        String moment = request().body(body).post("/v1/moments").then().statusCode(201).extract().path("id");
        request().post("/v1/moments/" + moment + "/launch").then().statusCode(200);
        return moment;
    }

    /** Sends one qualifying order and answers the award it earned, with its redemption link's token. */
    Earned earn(String userId) {
        Map<String, Object> award = request().body(Map.of("id", "evt-" + UUID.randomUUID(), "type", "order.completed",
                        "userId", userId, "properties", Map.of("total", 42.5)))
                .post("/v1/events").then().statusCode(200).extract().path("awards[0]");
        String url = award == null ? null : (String) award.get("redeemUrl");
        if (url == null || !url.contains("/r/")) {
            throw new AssertionError("the order earned no award with a redemption link: " + award);
        }
        return new Earned((String) award.get("id"), url.substring(url.lastIndexOf("/r/") + 3));
    }

    /** The partner says it delivered a reward it fulfils itself (provider {@code webhook}). */
    void reportDelivered(String awardId) {
        request().body(Map.of("status", "FULFILLED")).post("/v1/awards/" + awardId + "/fulfillment")
                .then().statusCode(200);
    }

    /** Sets the partner's branding ({@code PUT /v1/branding}). */
    void brand(Map<String, Object> branding) {
        request().body(branding).put("/v1/branding").then().statusCode(200);
    }

    /** Withdraws an award. */
    void cancel(String awardId) {
        request().post("/v1/awards/" + awardId + "/cancel").then().statusCode(200);
    }

    /** An award and the token of its link. */
    record Earned(String awardId, String token) {
    }
}
