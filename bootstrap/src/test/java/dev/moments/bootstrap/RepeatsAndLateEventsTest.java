package dev.moments.bootstrap;

import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events that arrive out of order, and users who complete a moment more than once. */
@QuarkusTest
class RepeatsAndLateEventsTest {

    private static final Map<String, Object> NOTHING = Map.of();

    @Test
    void anEventSixDaysOlderThanTheNewestStillCountsWhileOneEightDaysOlderIsIgnoredAndExplained() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(Map.of("kind", "count", "event", "lesson.completed", "atLeast", 2));
        Instant newest = Instant.parse("2026-05-10T12:00:00Z");

        app.event("lesson.completed", "offline-6", newest, NOTHING).body("awards", emptyIterable());
        app.event("lesson.completed", "offline-6", newest.minus(Duration.ofDays(6)), NOTHING)
                .body("awards", hasSize(1))
                .body("awards[0].momentId", equalTo(moment));
        app.explain("offline-6", moment).statusCode(200)
                .body("lateEventsIgnored", equalTo(0))
                .body("reasons", not(hasItem("LATE_EVENTS_IGNORED")));

        app.event("lesson.completed", "offline-8", newest, NOTHING).body("awards", emptyIterable());
        app.event("lesson.completed", "offline-8", newest.minus(Duration.ofDays(8)), NOTHING)
                .body("awards", emptyIterable());
        app.explain("offline-8", moment).statusCode(200)
                .body("progress.current", equalTo(1))
                .body("progress.target", equalTo(2))
                .body("progress.complete", equalTo(false))
                .body("lateEventsIgnored", equalTo(1))
                .body("reasons", hasItem("LATE_EVENTS_IGNORED"));
    }

    @Test
    void withPerUserTwoProgressRestartsAfterEachAwardAndTheThirdCompletionIsRefused() {
        Api gym = Api.newPartner();
        String moment = gym.launchedMoment(Map.of("kind", "count", "event", "workout.logged", "atLeast", 3),
                Map.of("limits", Map.of("perUser", 2)));
        Instant start = Instant.parse("2026-06-01T07:00:00Z");
        int[] awardsAfter = new int[10];
        for (int workout = 1; workout <= 9; workout++) {
            var response = gym.event("workout.logged", "athlete", start.plus(Duration.ofDays(workout)), NOTHING);
            awardsAfter[workout] = response.extract().jsonPath().getList("awards").size();
            if (workout == 4 || workout == 7) {
                response.body("progress[0].current", equalTo(1)).body("progress[0].target", equalTo(3));
            }
            if (workout == 5) {
                response.body("progress[0].current", equalTo(2)).body("progress[0].complete", equalTo(false));
            }
        }

        org.assertj.core.api.Assertions.assertThat(awardsAfter).containsExactly(0, 0, 0, 1, 0, 0, 1, 0, 0, 0);
        gym.explain("athlete", moment).statusCode(200)
                .body("completions", equalTo(3))
                .body("awards", equalTo(2))
                .body("reasons", hasItem("LIMIT_PER_USER"));
        gym.moment(moment).body("budgetState.reserved", equalTo("20.00"));
    }
}
