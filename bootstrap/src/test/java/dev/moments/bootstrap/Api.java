package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** A partner's view of the HTTP API, for end-to-end tests: short calls for the common steps. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    final String partnerId;
    final String apiKey;

    private Api(String partnerId, String apiKey) {
        this.partnerId = partnerId;
        this.apiKey = apiKey;
    }

    /** A new partner, created through the admin API. */
    public static Api newPartner() {
        Map<String, Object> created = given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Shop", "currency", "USD"))
                .post("/admin/v1/partners")
                .then().statusCode(201).extract().jsonPath().getMap("");
        return new Api((String) created.get("id"), (String) created.get("apiKey"));
    }

    /** The partner's API key. */
    public String apiKey() {
        return apiKey;
    }

    public RequestSpecification request() {
        return given().auth().oauth2(apiKey).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public String createReward(String cost) {
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

    /** Early enough for every event the scenarios send: the default start ("now") would refuse past events. */
    static final String STARTS_AT = "2026-01-01T00:00:00Z";

    /** A schedule from {@link #STARTS_AT}, without end, in the given IANA time zone. */
    static Map<String, Object> schedule(String timezone) {
        return Map.of("startsAt", STARTS_AT, "timezone", timezone);
    }

    /**
     * A DRAFT moment with this trigger, one 5.00 sandbox reward, a 1000.00 budget at 10.00 per action, starting at
     * {@link #STARTS_AT} in UTC; {@code extra} adds or replaces top-level fields (e.g. {@code limits}, {@code audience}).
     */
    String createMoment(Map<String, Object> trigger, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Moment " + trigger.get("kind"));
        body.put("trigger", trigger);
        body.put("schedule", schedule("UTC"));
        body.put("budget", Map.of("currency", "USD", "total", "1000.00", "costPerAction", "10.00"));
        body.put("rewards", List.of(createReward("5.00")));
        body.put("messages", Map.of("announcement", "You earned a reward!"));
        body.putAll(extra);
        return request().body(body).post("/v1/moments").then().statusCode(201).extract().path("id");
    }

    String launchedMoment(Map<String, Object> trigger) {
        return launchedMoment(trigger, Map.of());
    }

    public String launchedMoment(Map<String, Object> trigger, Map<String, Object> extra) {
        return launch(createMoment(trigger, extra));
    }

    String launch(String moment) {
        request().post("/v1/moments/" + moment + "/launch").then().statusCode(200);
        return moment;
    }

    /** Sends one event with a fresh id; {@code properties} may be empty. */
    public ValidatableResponse event(String type, String userId, Instant occurredAt, Map<String, ?> properties) {
        return event(Map.of("type", type, "userId", userId, "occurredAt", occurredAt.toString(),
                "properties", properties));
    }

    /** Sends an event body as given, adding a fresh {@code id} when it has none. */
    ValidatableResponse event(Map<String, ?> body) {
        Map<String, Object> event = new LinkedHashMap<>(body);
        event.putIfAbsent("id", uniqueId("evt-"));
        return request().body(event).post("/v1/events").then().statusCode(200);
    }

    /** {@code GET /v1/users/{userId}/moments/{momentId}}: progress and reasons. */
    ValidatableResponse explain(String userId, String moment) {
        return request().get("/v1/users/" + userId + "/moments/" + moment).then();
    }

    ValidatableResponse moment(String moment) {
        return request().get("/v1/moments/" + moment).then().statusCode(200);
    }

    /** Every award of the moment, page by page, through {@code request} (a partner's key, on any instance). */
    static List<JsonNode> awardsOf(Supplier<RequestSpecification> request, String moment) {
        List<JsonNode> awards = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification page = request.get().queryParam("momentId", moment).queryParam("limit", 500);
            if (after != null) {
                page.queryParam("after", after);
            }
            JsonNode read;
            try {
                read = JSON.readTree(page.get("/v1/awards").then().statusCode(200).extract().asString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            read.get("items").forEach(awards::add);
            after = read.get("next").isNull() ? null : read.get("next").asText();
        } while (after != null);
        return awards;
    }

    static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID();
    }
}
