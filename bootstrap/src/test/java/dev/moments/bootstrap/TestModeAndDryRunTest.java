package dev.moments.bootstrap;

import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trying a moment out before it pays: TEST moments for test users, and dry runs that store nothing. */
@QuarkusTest
class TestModeAndDryRunTest {

    private static final Map<String, Object> LESSON = Map.of("kind", "event", "event", "lesson.completed");

    private static Map<String, Object> lesson(String eventId, String userId, boolean testUser) {
        return lesson(eventId, userId, testUser, "2026-03-10T12:00:00Z");
    }

    private static Map<String, Object> lesson(String eventId, String userId, boolean testUser, String occurredAt) {
        return Map.of("id", eventId, "type", "lesson.completed", "userId", userId,
                "occurredAt", occurredAt, "context", Map.of("testUser", testUser));
    }

    @Test
    void aTestMomentIgnoresNormalUsersAndAwardsTestUsersFreeOfCharge() {
        Api app = Api.newPartner();
        String moment = app.createMoment(LESSON, Map.of());
        app.request().post("/v1/moments/" + moment + "/test").then().statusCode(200).body("status", equalTo("TEST"));

        app.event(lesson(Api.uniqueId("evt-"), "real-user", false)).body("awards", emptyIterable());
        app.explain("real-user", moment).statusCode(200).body("awards", equalTo(0));

        String award = app.event(lesson(Api.uniqueId("evt-"), "qa-user", true))
                .body("awards", hasSize(1))
                .body("awards[0].momentId", equalTo(moment))
                .extract().path("awards[0].id");
        app.request().get("/v1/awards/" + award).then().statusCode(200)
                .body("test", equalTo(true))
                .body("userId", equalTo("qa-user"))
                .body("reserved", equalTo("0.00"));
        app.moment(moment)
                .body("status", equalTo("TEST"))
                .body("budgetState.reserved", equalTo("0.00"))
                .body("budgetState.remaining", equalTo("1000.00"));
    }

    @Test
    void aDryRunShowsTheAwardButStoresNothingSoTheSameEventSentForRealEarnsIt() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON);
        String eventId = Api.uniqueId("evt-");
        Map<String, Object> event = lesson(eventId, "u-1", false);

        app.request().body(event).post("/v1/events?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("duplicate", equalTo(false))
                .body("awards", hasSize(1))
                .body("awards[0].momentId", equalTo(moment))
                .body("progress[0].complete", equalTo(true));
        app.moment(moment)
                .body("budgetState.reserved", equalTo("0.00"))
                .body("budgetState.remaining", equalTo("1000.00"));
        app.explain("u-1", moment).statusCode(200)
                .body("progress.complete", equalTo(false))
                .body("completions", equalTo(0))
                .body("awards", equalTo(0));

        String award = app.request().body(event).post("/v1/events").then().statusCode(200)
                .body("dryRun", nullValue())
                .body("duplicate", equalTo(false))
                .body("awards", hasSize(1))
                .body("awards[0].redeemUrl", notNullValue())
                .extract().path("awards[0].id");
        app.request().get("/v1/awards/" + award).then().statusCode(200).body("eventId", equalTo(eventId));
        app.moment(moment).body("budgetState.reserved", equalTo("10.00"));
    }

    @Test
    void aDryRunOfARefusedCompletionShowsNoAward() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON);
        app.event(lesson(Api.uniqueId("evt-"), "u-1", false)).body("awards", hasSize(1));

        app.request().body(lesson(Api.uniqueId("evt-"), "u-1", false, "2026-03-11T12:00:00Z"))
                .post("/v1/events?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("progress[0].complete", equalTo(true))
                .body("awards", emptyIterable());
        app.explain("u-1", moment).body("reasons", hasItem("LIMIT_PER_USER"));
    }
}
