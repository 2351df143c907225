package dev.moments.bootstrap;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/users/{userId}/moments/{momentId}}: how far a user got and what stands in the way. */
@QuarkusTest
class ExplainTest {

    private static final Map<String, Object> TEN_LESSONS =
            Map.of("kind", "count", "event", "lesson.completed", "atLeast", 10);

    @Test
    void explainShowsThreeOfTenMidwayThroughACountMoment() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(TEN_LESSONS);
        Instant start = Instant.parse("2026-04-01T09:00:00Z");
        for (int i = 0; i < 3; i++) {
            app.event("lesson.completed", "u-3", start.plus(Duration.ofHours(i)), Map.of());
        }

        app.explain("u-3", moment).statusCode(200)
                .body("momentId", equalTo(moment))
                .body("userId", equalTo("u-3"))
                .body("momentStatus", equalTo("LIVE"))
                .body("kind", equalTo("count"))
                .body("progress.current", equalTo(3))
                .body("progress.target", equalTo(10))
                .body("progress.complete", equalTo(false))
                .body("completions", equalTo(0))
                .body("awards", equalTo(0))
                .body("holdout", equalTo(false))
                .body("reasons", hasItem("NOT_COMPLETED"));
        app.explain("someone-else", moment).statusCode(200).body("progress.current", equalTo(0));
    }

    @Test
    void explainingAnUnknownMomentIsNotFound() {
        Api app = Api.newPartner();
        app.explain("u-1", "mom_doesnotexist").statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void explainingAnotherPartnersMomentIsNotFound() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(TEN_LESSONS);
        acme.event("lesson.completed", "u-1", Instant.parse("2026-04-01T09:00:00Z"), Map.of());
        acme.explain("u-1", moment).statusCode(200);

        Api.newPartner().explain("u-1", moment).statusCode(404).contentType("application/problem+json");
    }
}
