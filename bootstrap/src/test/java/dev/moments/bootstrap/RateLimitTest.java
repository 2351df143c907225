package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rate limits of docs/api.md ("Rate limits and outages") on an instance with low limits: 5 requests per second per
 * API key, 1 per second per address on the public redemption endpoints and for answers 401, each with bursts of
 * twice that. Every test acts from addresses of its own (through {@code X-Forwarded-For}, which this profile trusts),
 * so the tests do not drain each other's buckets.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    private static final int PER_KEY = 5;
    private static final int PUBLIC_PER_IP = 1;
    private static final int UNAUTHENTICATED_PER_IP = 1;

    /** Low limits, and the client address taken from the forwarded headers as behind a proxy. */
    public static class LowLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // %test. like the settings of application.properties they replace (a profile's name wins over a plain one)
            return Map.of(
                    "%test.moments.rate-limit.per-key", Integer.toString(PER_KEY),
                    "%test.moments.rate-limit.public-per-ip", Integer.toString(PUBLIC_PER_IP),
                    "%test.moments.rate-limit.unauthenticated-per-ip", Integer.toString(UNAUTHENTICATED_PER_IP),
                    "%test.quarkus.http.proxy.proxy-address-forwarding", "true",
                    "%test.quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void aKeyOverItsBurstIsRefusedWith429AndRetryAfter_whileAnotherKeyGoesOn() {
        Api acme = Api.newPartner();
        Api rival = Api.newPartner();

        Drained drained = drain(() -> acme.request().get("/v1/moments"));

        assertThat(drained.allowed()).as("answered 200 before the first 429 (burst = twice the rate)")
                .isBetween(2 * PER_KEY, drained.mostAllowed(2 * PER_KEY, PER_KEY));
        assertRateLimited(drained.refused(), "API key");
        rival.request().get("/v1/moments").then().statusCode(200);
    }

    @Test
    void aRefusedKeyIsServedAgainOnceRetryAfterHasPassed() throws InterruptedException {
        Api acme = Api.newPartner();
        Response refused = drain(() -> acme.request().get("/v1/moments")).refused();

        Thread.sleep(retryAfterSeconds(refused) * 1000L);

        acme.request().get("/v1/moments").then().statusCode(200);
    }

    @Test
    void anEventRefusedByTheLimiterIsNotRecorded() throws InterruptedException {
        Api acme = Api.newPartner();
        acme.launchedSpendMoment("1000.00", "10.00");
        List<String> sent = new ArrayList<>();

        Drained drained = drain(() -> {
            String id = Api.uniqueId("evt-");
            sent.add(id);
            return acme.request().body(order(id)).post("/v1/events");
        });
        String refusedId = sent.get(sent.size() - 1);
        String acceptedId = sent.get(0);
        Thread.sleep(retryAfterSeconds(drained.refused()) * 1000L);

        acme.request().body(order(refusedId)).post("/v1/events").then().statusCode(200)
                .body("duplicate", equalTo(false));
        acme.request().body(order(acceptedId)).post("/v1/events").then().statusCode(200)
                .body("duplicate", equalTo(true));
    }

    @Test
    void theRedemptionApiAndTheRedemptionPageShareOneBucketPerAddress() {
        Claims.Award award = newAward();
        String address = "198.51.100.7";

        from(address).accept(ContentType.JSON).get("/api/redeem/" + award.token()).then().statusCode(200);
        from(address).get("/r/" + award.token()).then().statusCode(200);
        Response api = from(address).accept(ContentType.JSON).get("/api/redeem/" + award.token());
        Response page = from(address).get("/r/" + award.token());

        assertRateLimited(api, "address");
        assertRateLimited(page, "address");
        from("198.51.100.8").get("/r/" + award.token()).then().statusCode(200);
    }

    @Test
    void aClaimFormRefusedByTheLimiterClaimsNothing() {
        Claims.Award award = newAward();
        String address = "198.51.100.20";
        from(address).get("/r/" + award.token()).then().statusCode(200);
        String reward = from(address).accept(ContentType.JSON).get("/api/redeem/" + award.token()).then()
                .statusCode(200).extract().path("rewards[0].id");

        Response claim = from(address).header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.URLENC).formParam("rewardId", reward).post("/r/" + award.token());

        assertRateLimited(claim, "address");
        from("198.51.100.21").accept(ContentType.JSON).get("/api/redeem/" + award.token()).then().statusCode(200)
                .body("state", equalTo("OPEN"));
    }

    @Test
    void twoHundredWrongCredentialsInARowAreMostly429_only401WhileTheAddressHasTokens() {
        Api acme = Api.newPartner();
        String address = "203.0.113.9";
        List<Response> answers = new ArrayList<>();

        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            RequestSpecification request = from(address);
            answers.add(switch (i % 3) {
                case 0 -> request.auth().oauth2("mk_wrong_" + i).get("/v1/moments");
                case 1 -> request.auth().oauth2("wrong-admin-token-" + i).get("/admin/v1/partners/" + acme.partnerId);
                default -> request.get("/v1/rewards"); // no key at all
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.subList(0, 2 * UNAUTHENTICATED_PER_IP)).containsOnly(401);
        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("401s: the burst, plus what refilled during %.1f s", seconds)
                .isLessThanOrEqualTo(mostAllowed(2 * UNAUTHENTICATED_PER_IP, UNAUTHENTICATED_PER_IP, seconds));
        // the bucket refills a token every 50 ms, so any one answer after the burst (the last one too) may be a 401:
        // the refusals are checked on the last 429, whichever it is
        Response lastRefused = answers.stream().filter(answer -> answer.statusCode() == 429).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no 429 among " + statuses));
        assertRateLimited(lastRefused, "credentials");
        acme.request().get("/v1/moments").then().statusCode(200);
    }

    @Test
    void aKeyServedBeforeKeepsWorkingFromAnAddressBlockedForOthersWrongCredentials() {
        Api acme = Api.newPartner();
        String address = "203.0.113.77";
        from(address).auth().oauth2(acme.apiKey).get("/v1/moments").then().statusCode(200);
        for (int i = 0; i < 10; i++) {
            from(address).auth().oauth2("mk_wrong_" + i).get("/v1/moments");
        }
        assertRateLimited(from(address).auth().oauth2("mk_wrong_last").get("/v1/moments"), "credentials");

        from(address).auth().oauth2(acme.apiKey).get("/v1/moments").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentShowsThe429OnTheLimitedOperations() {
        JsonPath api = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();

        assertThat(api.getMap("paths.'/v1/events'.post.responses")).containsKey("429");
        assertThat(api.getMap("paths.'/api/redeem/{token}'.get.responses")).containsKey("429");
        assertThat(api.getMap("paths.'/admin/v1/partners'.post.responses")).containsKey("429");
        assertThat(api.getString("paths.'/v1/events'.post.responses.'429'.headers.'Retry-After'.description"))
                .isNotBlank();
    }

    /** A new partner's award on a launched direct moment, with its redemption token. */
    private static Claims.Award newAward() {
        Api acme = Api.newPartner();
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String moment = Claims.moment(acme, "100.00", credit);
        return Claims.award(acme, moment, "u-1");
    }

    private static Map<String, Object> order(String id) {
        return Map.of("id", id, "type", "order.completed", "userId", "u-" + id, "properties", Map.of("total", 42.5));
    }

    /** A request from this client address, as a trusted proxy reports it. */
    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    /** The requests answered before the first 429, the 429 itself and how long it took to get there. */
    private record Drained(int allowed, Response refused, double seconds) {

        int mostAllowed(int burst, int perSecond) {
            return RateLimitTest.mostAllowed(burst, perSecond, seconds);
        }
    }

    /** Sends the request until it is refused with 429 (at most 500 times); everything before must be a success. */
    private static Drained drain(Supplier<Response> request) {
        long start = System.nanoTime();
        for (int allowed = 0; allowed < 500; allowed++) {
            Response response = request.get();
            if (response.statusCode() == 429) {
                return new Drained(allowed, response, (System.nanoTime() - start) / 1e9);
            }
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        }
        throw new AssertionError("500 requests in a row and none refused with 429");
    }

    /** The burst plus what the bucket refilled meanwhile, plus one for a token that refilled mid-request. */
    private static int mostAllowed(int burst, int perSecond, double seconds) {
        return burst + (int) Math.ceil(perSecond * seconds) + 1;
    }

    private static long retryAfterSeconds(Response refused) {
        return Long.parseLong(refused.header("Retry-After"));
    }

    private static void assertRateLimited(Response response, String limitNamed) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
        assertThat(response.jsonPath().getString("type")).isEqualTo("/problems/rate-limited");
        assertThat(response.jsonPath().getString("title")).isEqualTo("Too Many Requests");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(response.jsonPath().getString("detail")).contains(limitNamed);
    }
}
