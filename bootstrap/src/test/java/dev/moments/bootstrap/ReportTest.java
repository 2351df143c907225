package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.moments.domain.moment.HoldoutBucket;
import dev.moments.domain.moment.MomentId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/moments/{id}/report} over HTTP on a scripted cohort whose every figure was worked out by hand (in the
 * comments below): ten users in each arm, who reach, progress, complete, claim, come back and spend on a known
 * timeline 40 days long.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class ReportTest {

    /** The cohort's day 0, at noon UTC, 40 days ago: every user of both arms reaches the moment then. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(40))
            .plus(Duration.ofHours(12));

    private static Api api;
    private static String moment;
    private static String reward;
    private static final List<String> TREATMENT = new ArrayList<>();
    private static final List<String> CONTROL = new ArrayList<>();

    /**
     * The script. Trigger: two {@code lesson.done} events with a score of 50 or more; reach: any {@code lesson.done}.
     * <ul>
     *   <li>T1–T6 score 80 twice: progressed and completed, paid 10.00 each (6 awards); T1 and T2 claim theirs.</li>
     *   <li>T7–T8 score 80 once (progressed); T9–T10 score 10 (reached only).</li>
     *   <li>C1–C2 score 80 twice (completed, held out, never paid); C3–C5 score 80 once; C6–C10 score 10.</li>
     *   <li>Seen again (any event) 8 days after the reach: T1–T5 and C1–C2; 31 days after: T1–T3 and C1.</li>
     *   <li>Orders after the reach: T1 100.00 and T2 50.00, C1 30.00; C3's order of 999.00 came before its reach.</li>
     * </ul>
     */
    @BeforeEach
    void script() {
        if (api != null) {
            return; // once for the class, but where the test's HTTP port is known
        }
        api = Api.newPartner();
        reward = api.createReward("10.00");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rewards", List.of(reward));
        extra.put("holdoutPercent", 50);
        extra.put("outcomes", Map.of("revenue", Map.of("events", List.of("order.completed"), "value",
                "event.total")));
        extra.put("expectedValuePerAction", "12.00");
        moment = api.launchedMoment(Map.of("kind", "count", "event", "lesson.done", "where", "event.score >= 50",
                "atLeast", 2), extra);
        for (int i = 0; TREATMENT.size() < 10 || CONTROL.size() < 10; i++) {
            String user = "u-" + i;
            List<String> arm = HoldoutBucket.of(new MomentId(moment), user) < 50 ? CONTROL : TREATMENT;
            if (arm.size() < 10) {
                arm.add(user);
            }
        }
        order(CONTROL.get(2), T0.minus(Duration.ofHours(1)), 999); // before C3's reach: not revenue of the moment
        for (int i = 0; i < 10; i++) {
            lesson(TREATMENT.get(i), T0, i < 8 ? 80 : 10);
            lesson(CONTROL.get(i), T0, i < 5 ? 80 : 10);
        }
        for (int i = 0; i < 6; i++) {
            JsonPath completed = lesson(TREATMENT.get(i), T0.plus(Duration.ofHours(1)), 80).extract().jsonPath();
            assertThat(completed.getList("awards")).hasSize(1);
            if (i < 2) {
                String url = completed.getString("awards[0].redeemUrl");
                Claims.claim(url.substring(url.lastIndexOf('/') + 1), reward).statusCode(200);
            }
        }
        for (int i = 0; i < 2; i++) {
            lesson(CONTROL.get(i), T0.plus(Duration.ofHours(1)), 80)
                    .body("awards", org.hamcrest.Matchers.empty()).body("holdout", hasItem(moment));
        }
        order(TREATMENT.get(0), T0.plus(Duration.ofDays(2)), 100);
        order(TREATMENT.get(1), T0.plus(Duration.ofDays(2)), 50);
        order(CONTROL.get(0), T0.plus(Duration.ofDays(2)), 30);
        for (int i = 0; i < 5; i++) {
            appOpen(TREATMENT.get(i), T0.plus(Duration.ofDays(8)));
        }
        for (int i = 0; i < 3; i++) {
            appOpen(TREATMENT.get(i), T0.plus(Duration.ofDays(31)));
        }
        appOpen(CONTROL.get(0), T0.plus(Duration.ofDays(8)));
        appOpen(CONTROL.get(1), T0.plus(Duration.ofDays(8)));
        appOpen(CONTROL.get(0), T0.plus(Duration.ofDays(31)));
    }

    private static io.restassured.response.ValidatableResponse lesson(String user, Instant at, int score) {
        return api.event("lesson.done", user, at, Map.of("score", score));
    }

    private static void order(String user, Instant at, int total) {
        api.event("order.completed", user, at, Map.of("total", total));
    }

    private static void appOpen(String user, Instant at) {
        api.event("app.open", user, at, Map.of());
    }

    private static String day0() {
        return LocalDate.ofInstant(T0, ZoneOffset.UTC).toString();
    }

    private static JsonPath report(String query) {
        return new JsonPath(api.request().get("/v1/moments/" + moment + "/report" + query).then().statusCode(200)
                .extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void theFunnelAndTheMoneyOfTheScriptedCohortAreTheHandComputedOnes() {
        JsonPath r = report("?from=" + day0());

        assertThat(r.getString("momentId")).isEqualTo(moment);
        assertThat(r.getString("currency")).isEqualTo("USD");
        assertThat(r.getString("from")).isEqualTo(day0());
        assertThat(r.getString("to")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(r.getLong("completions")).isEqualTo(8); // 6 paid + 2 held out
        assertThat(r.getLong("awards")).isEqualTo(6);
        assertThat(r.getLong("claimed")).isEqualTo(2);
        assertThat(r.getLong("expired")).isZero();
        assertThat(r.getString("spend")).isEqualTo("20.00"); // two claims settled at 10.00
        assertThat(r.getString("reserved")).isEqualTo("40.00"); // four unclaimed awards at 10.00
        assertThat(r.getString("effectiveCpa")).isEqualTo("10.00"); // 60.00 committed / 6 awards
        assertThat(r.getMap("funnel")).containsEntry("reached", 20).containsEntry("progressed", 13)
                .containsEntry("completed", 8).containsEntry("awarded", 6).containsEntry("claimed", 2);
    }

    @Test
    void theHoldoutBlockIsNewcombesIntervalAndTheCostPerIncrementalAction() {
        Map<String, Object> h = report("?from=" + day0()).getMap("holdout");

        assertThat(h).containsEntry("treatmentUsers", 10).containsEntry("controlUsers", 10)
                .containsEntry("treatmentCompleted", 6).containsEntry("controlCompleted", 2);
        assertThat(((Number) h.get("treatmentRate")).doubleValue()).isEqualTo(0.6);
        assertThat(((Number) h.get("controlRate")).doubleValue()).isEqualTo(0.2);
        assertThat(((Number) h.get("lift")).doubleValue()).isEqualTo(0.4);
        // Wilson 6/10: [0.312673, 0.831820]; 2/10: [0.056682, 0.509903];
        // 0.4 − √((0.6 − 0.312673)² + (0.509903 − 0.2)²) = −0.022558, 0.4 + √((0.831820 − 0.6)² + (0.2 − 0.056682)²)
        assertThat(((List<?>) h.get("liftCi95")).stream().map(v -> ((Number) v).doubleValue()).toList())
                .containsExactly(-0.022558, 0.672544);
        assertThat(((Number) h.get("relativeLift")).doubleValue()).isEqualTo(2.0); // 0.4 / 0.2
        assertThat(h).containsEntry("significant", false);
        assertThat(((Number) h.get("incrementalCompletions")).doubleValue()).isEqualTo(4.0); // 6 − 10 × 0.2
        assertThat(h).containsEntry("costPerIncrementalAction", "15.00"); // 60.00 / 4
        // 60.00 / (10 × 0.672544) = 8.92; the lower end of the lift is below zero: no upper bound
        assertThat((List<Object>) h.get("costPerIncrementalActionCi95")).containsExactly("8.92", null);
    }

    @Test
    void retentionAndRevenuePerArmAreTheHandComputedOnes() {
        JsonPath r = report("?from=" + day0());

        assertThat(r.getDouble("outcomes.retentionD7.treatment")).isEqualTo(0.5); // T1–T5 of 10
        assertThat(r.getDouble("outcomes.retentionD7.control")).isEqualTo(0.2); // C1–C2 of 10
        assertThat(r.getDouble("outcomes.retentionD30.treatment")).isEqualTo(0.3);
        assertThat(r.getDouble("outcomes.retentionD30.control")).isEqualTo(0.1);
        assertThat(r.getInt("outcomes.retentionD30.treatmentUsers")).isEqualTo(10);
        assertThat(r.getString("outcomes.arpu.treatment")).isEqualTo("15.00"); // 150.00 / 10
        assertThat(r.getString("outcomes.arpu.control")).isEqualTo("3.00"); // 30.00 / 10 (C3's 999.00 came first)
        assertThat(r.getString("outcomes.arpu.difference")).isEqualTo("12.00");
        // Welch: variances 1138.89 and 90.00, standard error 11.0855, 10.41 degrees of freedom, t 2.2173
        assertThat(r.getList("outcomes.arpu.differenceCi95", String.class)).containsExactly("-12.57", "36.57");
    }

    @Test
    void aCostPerIncrementalActionAboveTheExpectedValueIsFlagged() {
        JsonPath r = report("?from=" + day0());

        assertThat(r.getString("guardrail.expectedValuePerAction")).isEqualTo("12.00");
        assertThat(r.getBoolean("guardrail.flagged")).isTrue();
        assertThat(r.getList("guardrail.flags", String.class)).containsExactly("COST_ABOVE_VALUE"); // 15.00 > 12.00
        // ten users an arm is below the minimum sample: a lift that may be zero is not a finding yet
    }

    @Test
    void theDailySeriesHasEveryDayOfThePeriodAsJsonAndAsCsv() {
        JsonPath r = report("?from=" + day0());
        List<Map<String, Object>> daily = r.getList("daily");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(daily).hasSize(41);
        assertThat(daily.get(0)).containsEntry("date", day0()).containsEntry("completions", 8);
        assertThat(daily.get(40)).containsEntry("date", today).containsEntry("awards", 6)
                .containsEntry("spend", "20.00"); // awards and claims count when they happen: today
        assertThat(daily.stream().mapToInt(d -> (Integer) d.get("completions")).sum()).isEqualTo(8);

        String csv = api.request().accept("text/csv").get("/v1/moments/" + moment + "/report?from=" + day0())
                .then().statusCode(200).header("Content-Type", containsString("text/csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(42);
        assertThat(lines[0]).isEqualTo("date,completions,awards,spend,currency");
        assertThat(lines[1]).isEqualTo(day0() + ",8,0,0.00,USD");
        assertThat(lines[41]).isEqualTo(today + ",0,6,20.00,USD");
    }

    @Test
    void aPeriodCountsOnlyTheUsersWhoReachedTheMomentInIt() {
        String day1 = LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(1).toString();
        JsonPath r = report("?from=" + day1);

        assertThat(r.getInt("funnel.reached")).isZero();
        assertThat(r.getInt("holdout.treatmentUsers")).isZero();
        assertThat(r.getList("holdout.liftCi95")).isNull(); // no arm, no interval
        assertThat(r.getString("holdout.costPerIncrementalAction")).isNull();
        assertThat(r.getLong("completions")).isZero();
        assertThat(r.getLong("awards")).isEqualTo(6); // earned today, in the period
        assertThat(r.getList("daily")).hasSize(40);
    }

    @Test
    void aLastDayBeforeTheMomentWasCreatedIsAPeriodOfThatDayAlone() {
        String before = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        JsonPath r = report("?to=" + before);

        assertThat(r.getString("from")).isEqualTo(before);
        assertThat(r.getString("to")).isEqualTo(before);
        assertThat(r.getList("daily")).hasSize(1);
        api.request().get("/v1/reports/moments?to=" + before).then().statusCode(200);
    }

    @Test
    void aFixedOffsetTimeZoneCountsItsOwnDays() {
        Api partner = Api.newPartner();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("schedule", Api.schedule("+05:00"));
        String east = partner.launchedMoment(Map.of("kind", "event", "event", "lesson.done"), extra);
        Instant evening = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2))
                .plus(Duration.ofHours(20)); // 20:00 UTC is 01:00 the next day at +05:00
        partner.event("lesson.done", "u-east", evening, Map.of()).body("awards", org.hamcrest.Matchers.hasSize(1));
        LocalDate local = LocalDate.ofInstant(evening, ZoneOffset.ofHours(5));

        JsonPath r = new JsonPath(partner.request().get("/v1/moments/" + east + "/report?from="
                + local.minusDays(1) + "&to=" + local.plusDays(1)).then().statusCode(200).extract().asString());
        assertThat(r.getList("daily.date", String.class)).containsExactly(local.minusDays(1).toString(),
                local.toString(), local.plusDays(1).toString());
        assertThat(r.getList("daily.completions", Integer.class)).containsExactly(0, 1, 0);
        assertThat(r.getInt("completions")).isEqualTo(1);
    }

    @Test
    void everyMomentOfThePartnerIsListedWithItsHeadlineFiguresPageByPage() {
        String second = api.createMoment(Map.of("kind", "event", "event", "lesson.done"), Map.of());
        JsonPath first = api.request().get("/v1/reports/moments?limit=1&from=" + day0()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.momentId", String.class)).containsExactly(moment); // oldest first
        JsonPath next = api.request().get("/v1/reports/moments?limit=1&from=" + day0() + "&after="
                + first.getString("next")).then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("items.momentId", String.class)).containsExactly(second);

        JsonPath all = api.request().get("/v1/reports/moments?from=" + day0()).then().statusCode(200)
                .extract().jsonPath();

        assertThat(all.getList("items.momentId", String.class)).contains(moment);
        Map<String, Object> mine = all.getMap("items.find { it.momentId == '" + moment + "' }");
        assertThat(mine).containsEntry("awards", 6).containsEntry("spend", "20.00");
        assertThat((Map<String, Object>) mine.get("holdout")).containsEntry("treatmentCompleted", 6);
        assertThat((List<?>) mine.get("daily")).isEmpty();
    }

    @Test
    void anotherPartnersMomentIsNotFoundAndBadPeriodsAreRefused() {
        Api rival = Api.newPartner();
        rival.request().get("/v1/moments/" + moment + "/report").then().statusCode(404);
        assertThat(rival.request().get("/v1/reports/moments").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();

        api.request().get("/v1/moments/" + moment + "/report?from=2026-12-10&to=2026-12-01").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        api.request().get("/v1/moments/" + moment + "/report?from=yesterday").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        api.request().get("/v1/moments/" + moment + "/report?to=2026-02-30").then().statusCode(422);
        api.request().get("/v1/moments/" + moment + "/report?from=2000-01-01&to=2026-01-01").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
        api.request().get("/v1/moments/" + moment + "/report?from=9999-12-31&to=9999-12-31").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        api.request().get("/v1/moments/" + moment + "/report?from=0000-01-01&to=0000-01-01").then().statusCode(422);
        api.request().get("/v1/reports/moments?from=9999-12-31").then().statusCode(422);
        api.request().accept("application/xml").get("/v1/moments/" + moment + "/report").then().statusCode(406);
        io.restassured.RestAssured.given().get("/v1/moments/" + moment + "/report").then().statusCode(401);
    }
}
