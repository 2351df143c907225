package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short steps for the redemption tests: rewards of each provider, direct moments, awards and their links. */
final class Claims {

    static final Map<String, Object> ADDRESS = Map.of("name", "Ada Lovelace", "line1", "1 Main St", "city",
            "Springfield", "region", "IL", "postalCode", "62701", "country", "US");

    private Claims() {
    }

    /** A new reward of the catalog. */
    static String reward(Api partner, String kind, String cost, String provider, List<String> countries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", kind + " via " + provider);
        body.put("kind", kind);
        body.put("cost", cost);
        body.put("currency", "USD");
        body.put("countries", countries);
        body.put("fulfillment", Map.of("provider", provider));
        body.put("description", "A " + kind.toLowerCase() + " reward");
        body.put("imageUrl", "https://img.example.com/reward.png");
        return partner.request().body(body).post("/v1/rewards").then().statusCode(201).extract().path("id");
    }

    /** A launched direct moment offering these rewards, paying 10.00 per action out of {@code total}. */
    static String moment(Api partner, String total, Map<String, Object> limits, String... rewards) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Claims");
        body.put("trigger", Map.of("kind", "direct"));
        body.put("budget", Map.of("currency", "USD", "total", total, "costPerAction", "10.00"));
        body.put("rewards", List.of(rewards));
        body.put("limits", limits);
        body.put("messages", Map.of("announcement", "You earned a reward!", "confirmation", "On its way."));
        String moment = partner.request().body(body).post("/v1/moments").then().statusCode(201).extract().path("id");
        return partner.launch(moment);
    }

    static String moment(Api partner, String total, String... rewards) {
        return moment(partner, total, Map.of("perUser", 1), rewards);
    }

    /** An award of the user on the moment: its id and the token of its link. */
    record Award(String id, String token) {
    }

    static Award award(Api partner, String moment, String userId) {
        Map<String, Object> created = partner.request().body(Map.of("userId", userId))
                .post("/v1/moments/" + moment + "/awards").then().statusCode(201).extract().jsonPath().getMap("");
        String url = (String) created.get("redeemUrl");
        return new Award((String) created.get("id"), url.substring(url.lastIndexOf('/') + 1));
    }

    /** {@code GET /api/redeem/{token}}, without any credentials. */
    static ValidatableResponse preview(String token) {
        return given().accept(ContentType.JSON).get("/api/redeem/" + token).then();
    }

    /** {@code POST /api/redeem/{token}/claim}, without any credentials. */
    static ValidatableResponse claim(String token, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/api/redeem/" + token + "/claim").then();
    }

    static ValidatableResponse claim(String token, String rewardId) {
        return claim(token, Map.of("rewardId", rewardId));
    }
}
