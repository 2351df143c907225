package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may earn a moment: the audience filters and the holdout (control) group. */
@QuarkusTest
class AudienceAndHoldoutTest {

    private static final Map<String, Object> LESSON = Map.of("kind", "event", "event", "lesson.completed");
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    private static Map<String, Object> lesson(String userId, Map<String, ?> context, Map<String, ?> user) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "lesson.completed");
        event.put("userId", userId);
        event.put("occurredAt", AT.toString());
        if (context != null) {
            event.put("context", context);
        }
        if (user != null) {
            event.put("user", user);
        }
        return event;
    }

    private static ValidatableResponse awarded(ValidatableResponse response, String moment) {
        return response.body("awards", hasSize(1)).body("awards[0].momentId", equalTo(moment));
    }

    private static ValidatableResponse notAwarded(ValidatableResponse response) {
        return response.body("awards", emptyIterable());
    }

    @Test
    void withAFiftyPercentHoldoutHeldOutUsersAreNeverAwardedAndAreToldSo() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON, Map.of("holdoutPercent", 50));
        List<String> heldOut = new ArrayList<>();
        int awards = 0;
        for (int i = 0; i < 40; i++) {
            String user = "learner-" + i;
            JsonPath result = app.event(lesson(user, null, null)).extract().jsonPath();
            List<String> holdout = result.getList("holdout");
            List<Map<String, Object>> earned = result.getList("awards");
            if (holdout.contains(moment)) {
                heldOut.add(user);
                assertThat(earned).as("a held-out user is never awarded").isEmpty();
            } else {
                assertThat(holdout).isEmpty();
                assertThat(earned).hasSize(1);
                awards++;
            }
        }

        assertThat(heldOut.size()).isBetween(5, 35);
        assertThat(awards + heldOut.size()).isEqualTo(40);
        app.moment(moment).body("budgetState.reserved", equalTo(awards * 10 + ".00"));
        for (String user : heldOut) {
            app.explain(user, moment).statusCode(200)
                    .body("holdout", equalTo(true))
                    .body("awards", equalTo(0))
                    .body("reasons", hasItem("HOLDOUT"));
        }
    }

    @Test
    void countriesAndPlatformsAreReadFromTheEventsContext() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON, Map.of("audience",
                Map.of("countries", List.of("US"), "platforms", List.of("ios"))));

        awarded(app.event(lesson("us-ios", Map.of("country", "US", "platform", "ios"), null)), moment);
        notAwarded(app.event(lesson("ca-ios", Map.of("country", "CA", "platform", "ios"), null)));
        notAwarded(app.event(lesson("us-web", Map.of("country", "US", "platform", "web"), null)));
        notAwarded(app.event(lesson("no-context", null, null)));
        app.explain("ca-ios", moment).statusCode(200).body("reasons", hasItem("NOT_IN_AUDIENCE"));
    }

    @Test
    void segmentsAreReadFromTheUserBlock() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON, Map.of("audience", Map.of("segments", List.of("first_time_buyers"))));

        awarded(app.event(lesson("newcomer", null, Map.of("segments", List.of("first_time_buyers", "mobile")))), moment);
        notAwarded(app.event(lesson("regular", null, Map.of("segments", List.of("loyal")))));
        notAwarded(app.event(lesson("unknown", null, null)));
        app.explain("regular", moment).statusCode(200).body("reasons", hasItem("NOT_IN_AUDIENCE"));
    }

    @Test
    void aWhereConditionOverTheUserAdmitsOnlyFreeUsers() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON, Map.of("audience", Map.of("where", "user.plan == 'free'")));

        awarded(app.event(lesson("free-user", null, Map.of("plan", "free"))), moment);
        notAwarded(app.event(lesson("pro-user", null, Map.of("plan", "pro"))));
        notAwarded(app.event(lesson("no-plan", null, null)));
        app.explain("pro-user", moment).statusCode(200).body("reasons", hasItem("NOT_IN_AUDIENCE"));
    }

    @Test
    void attributesSentWithAnEarlierEventAreSeenByALaterEventWithoutAUserBlock() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(LESSON, Map.of("audience",
                Map.of("segments", List.of("students"), "where", "user.plan == 'free'")));
        Instant earlier = AT.minus(Duration.ofDays(1));
        app.event(Map.of("type", "app.opened", "userId", "remembered", "occurredAt", earlier.toString(),
                "user", Map.of("plan", "free", "segments", List.of("students"))));
        app.event(Map.of("type", "app.opened", "userId", "paying", "occurredAt", earlier.toString(),
                "user", Map.of("plan", "pro", "segments", List.of("students"))));

        awarded(app.event(lesson("remembered", null, null)), moment);
        notAwarded(app.event(lesson("paying", null, null)));
    }

    @Test
    void onceAControlUserHasReachedTheMoment_everyResponseThatConsidersItSaysSo_notOnlyTheCompletingOne() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(Map.of("kind", "count", "event", "lesson.completed", "atLeast", 2),
                Map.of("holdoutPercent", 99));
        String control = null;
        for (int i = 0; i < 50 && control == null; i++) {
            // a first event completes nothing (two are needed): a control user is told so all the same
            List<String> holdout = app.event(lesson("learner-" + i, null, null)).body("awards", emptyIterable())
                    .extract().jsonPath().getList("holdout");
            control = holdout.contains(moment) ? "learner-" + i : null;
        }
        assertThat(control).as("99% of users are in control").isNotNull();

        app.event(lesson(control, null, null)).body("holdout", hasItem(moment)).body("awards", emptyIterable());
    }
}
