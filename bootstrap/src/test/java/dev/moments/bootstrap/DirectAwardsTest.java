package dev.moments.bootstrap;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Moments the partner's own engine decides: {@code POST /v1/moments/{id}/awards} and its preview. */
@QuarkusTest
class DirectAwardsTest {

    private static final Map<String, Object> DIRECT = Map.of("kind", "direct");
    private static final Map<String, Object> USER_42 = Map.of("userId", "u-42", "deviceId", "d-1",
            "context", Map.of("country", "US", "platform", "ios"));

    @Test
    void aPreviewSaysEligibleWithTheRewardsAndAnnouncementAndConsumesNothing() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(DIRECT);
        String reward = acme.moment(moment).extract().path("rewards[0]");

        acme.request().body(USER_42).post("/v1/moments/" + moment + "/awards/preview").then().statusCode(200)
                .body("eligible", equalTo(true))
                .body("reason", nullValue())
                .body("rewards", hasSize(1))
                .body("rewards[0].id", equalTo(reward))
                .body("announcement", equalTo("You earned a reward!"));
        acme.request().body(USER_42).post("/v1/moments/" + moment + "/awards/preview").then().statusCode(200)
                .body("eligible", equalTo(true));

        acme.moment(moment)
                .body("budgetState.reserved", equalTo("0.00"))
                .body("budgetState.remaining", equalTo("1000.00"));
        acme.explain("u-42", moment).statusCode(200).body("awards", equalTo(0));
    }

    @Test
    void aDirectAwardIsChargedOnceAndASecondOneForTheSameUserIsRefusedWithItsReason() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(DIRECT);

        String award = acme.request().body(USER_42).post("/v1/moments/" + moment + "/awards").then().statusCode(201)
                .body("id", startsWith("awd_"))
                .body("momentId", equalTo(moment))
                .body("userId", equalTo("u-42"))
                .body("status", equalTo("EARNED"))
                .body("test", equalTo(false))
                .body("reserved", equalTo("10.00"))
                .body("redeemUrl", matchesPattern("http://localhost:" + RestAssured.port + "/r/[A-Za-z0-9_-]{43}"))
                .extract().path("id");
        acme.request().get("/v1/awards/" + award).then().statusCode(200).body("userId", equalTo("u-42"));
        acme.moment(moment).body("budgetState.reserved", equalTo("10.00"))
                .body("budgetState.remaining", equalTo("990.00"));

        acme.request().body(USER_42).post("/v1/moments/" + moment + "/awards").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("reason", equalTo("LIMIT_PER_USER"));
        acme.moment(moment).body("budgetState.reserved", equalTo("10.00"));

        acme.request().body(USER_42).post("/v1/moments/" + moment + "/awards/preview").then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("reason", equalTo("LIMIT_PER_USER"));
        acme.request().body(Map.of("userId", "u-43")).post("/v1/moments/" + moment + "/awards/preview").then()
                .statusCode(200).body("eligible", equalTo(true));
    }
}
