package dev.moments.bootstrap;

import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partners' real moments, one per trigger kind, over HTTP against PostgreSQL: each earns exactly when the rule says
 * and not a moment before. Events carry explicit past {@code occurredAt} times; moments start on 2026-01-01.
 */
@QuarkusTest
class TriggerScenariosTest {

    private static final Map<String, Object> NOTHING = Map.of();

    private static ValidatableResponse awarded(ValidatableResponse response, String moment) {
        return response.body("awards", hasSize(1))
                .body("awards[0].momentId", equalTo(moment))
                .body("awards[0].status", equalTo("EARNED"))
                .body("awards[0].id", startsWith("awd_"));
    }

    private static ValidatableResponse notAwarded(ValidatableResponse response) {
        return response.body("awards", emptyIterable());
    }

    private static String progressOf(String moment, String field) {
        return "progress.find { it.momentId == '" + moment + "' }." + field;
    }

    // --- Mobile game ---

    @Test
    void aCompletedTutorialEarnsWhileAStartedTutorialEarnsNothing() {
        Api game = Api.newPartner();
        String moment = game.launchedMoment(Map.of("kind", "event", "event", "tutorial.completed"));
        Instant at = Instant.parse("2026-03-01T10:00:00Z");

        notAwarded(game.event("tutorial.started", "player-2", at, NOTHING));
        game.explain("player-2", moment).statusCode(200).body("progress.complete", equalTo(false))
                .body("awards", equalTo(0));

        awarded(game.event("tutorial.completed", "player-1", at, NOTHING), moment)
                .body(progressOf(moment, "complete"), equalTo(true));
    }

    @Test
    void reachingLevelTenEarnsWhileLevelsFiveAndNineEarnNothing() {
        Api game = Api.newPartner();
        String moment = game.launchedMoment(Map.of("kind", "event", "event", "level.reached", "where",
                "event.level >= 10"));
        Instant start = Instant.parse("2026-03-01T10:00:00Z");

        notAwarded(game.event("level.reached", "player-1", start, Map.of("level", 5)))
                .body(progressOf(moment, "complete"), equalTo(false));
        notAwarded(game.event("level.reached", "player-1", start.plus(Duration.ofHours(1)), Map.of("level", 9)))
                .body(progressOf(moment, "complete"), equalTo(false));
        awarded(game.event("level.reached", "player-1", start.plus(Duration.ofHours(2)), Map.of("level", 10)), moment);
    }

    @Test
    void aPurchaseOverFourNinetyNineEarnsWhileExactlyFourNinetyNineEarnsNothing() {
        Api game = Api.newPartner();
        String moment = game.launchedMoment(Map.of("kind", "event", "event", "purchase.completed", "where",
                "event.amount > 4.99"));
        Instant start = Instant.parse("2026-03-01T10:00:00Z");

        notAwarded(game.event("purchase.completed", "player-1", start, Map.of("amount", new BigDecimal("4.99"))));
        awarded(game.event("purchase.completed", "player-1", start.plus(Duration.ofHours(1)),
                Map.of("amount", new BigDecimal("5.00"))), moment);
        notAwarded(game.event("purchase.completed", "player-1", start.plus(Duration.ofHours(2)),
                Map.of("amount", new BigDecimal("9.99"))));
        game.moment(moment).body("budgetState.reserved", equalTo("10.00"));
    }

    // --- Meditation app ---

    @Test
    void theThirdSubscriptionRenewalEarnsWhileTwoRenewalsEarnNothing() {
        Api calm = Api.newPartner();
        String moment = calm.launchedMoment(Map.of("kind", "count", "event", "subscription.renewed", "atLeast", 3));

        notAwarded(calm.event("subscription.renewed", "u-1", Instant.parse("2026-02-01T08:00:00Z"), NOTHING))
                .body(progressOf(moment, "current"), equalTo(1)).body(progressOf(moment, "target"), equalTo(3));
        notAwarded(calm.event("subscription.renewed", "u-1", Instant.parse("2026-03-01T08:00:00Z"), NOTHING))
                .body(progressOf(moment, "current"), equalTo(2)).body(progressOf(moment, "complete"), equalTo(false));
        awarded(calm.event("subscription.renewed", "u-1", Instant.parse("2026-04-01T08:00:00Z"), NOTHING), moment)
                .body(progressOf(moment, "complete"), equalTo(true));
    }

    // --- Consumables brand ---

    @Test
    void aSecondOrderFortyFourDaysAfterTheFirstEarnsWhileOneFortySixDaysAfterEarnsNothing() {
        Api brand = Api.newPartner();
        String moment = brand.launchedMoment(Map.of("kind", "sequence", "within", "P45D", "steps", List.of(
                Map.of("event", "order.completed", "where", "event.order_number == 1"),
                Map.of("event", "order.completed", "where", "event.order_number == 2"))));
        Instant first = Instant.parse("2026-03-01T10:00:00Z");

        notAwarded(brand.event("order.completed", "quick", first, Map.of("order_number", 1)))
                .body(progressOf(moment, "current"), equalTo(1)).body(progressOf(moment, "target"), equalTo(2));
        awarded(brand.event("order.completed", "quick", first.plus(Duration.ofDays(44)), Map.of("order_number", 2)),
                moment);

        notAwarded(brand.event("order.completed", "slow", first, Map.of("order_number", 1)));
        notAwarded(brand.event("order.completed", "slow", first.plus(Duration.ofDays(46)), Map.of("order_number", 2)))
                .body(progressOf(moment, "current"), equalTo(1)).body(progressOf(moment, "complete"), equalTo(false));
    }

    // --- Seven days active in a row, in New York ---

    private static Map<String, Object> sevenDaysInARow() {
        return Map.of("kind", "days", "event", "app.opened", "atLeast", 7, "consecutive", true);
    }

    private static Map<String, Object> newYork() {
        return Map.of("schedule", Api.schedule("America/New_York"));
    }

    @Test
    void sevenConsecutiveLocalDaysEarnWhileSevenDaysWithAGapEarnNothing() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(sevenDaysInARow(), newYork());
        Instant day1 = Instant.parse("2026-04-01T15:00:00Z"); // 11:00 in New York

        for (int day = 0; day < 6; day++) {
            notAwarded(app.event("app.opened", "steady", day1.plus(Duration.ofDays(day)), NOTHING))
                    .body(progressOf(moment, "current"), equalTo(day + 1));
        }
        awarded(app.event("app.opened", "steady", day1.plus(Duration.ofDays(6)), NOTHING), moment);

        for (int day : new int[] {0, 1, 2, 4, 5, 6, 7}) {
            notAwarded(app.event("app.opened", "gappy", day1.plus(Duration.ofDays(day)), NOTHING));
        }
        app.explain("gappy", moment).statusCode(200)
                .body("progress.current", equalTo(4))
                .body("progress.target", equalTo(7))
                .body("progress.complete", equalTo(false));
    }

    @Test
    void manyOpensOnOneDayCountAsOneDay() {
        Api app = Api.newPartner();
        String moment = app.launchedMoment(sevenDaysInARow(), newYork());
        Instant day1 = Instant.parse("2026-04-01T13:00:00Z"); // 09:00 in New York

        for (int open = 0; open < 10; open++) {
            notAwarded(app.event("app.opened", "u-1", day1.plus(Duration.ofMinutes(30L * open)), NOTHING))
                    .body(progressOf(moment, "current"), equalTo(1));
        }
        for (int day = 1; day <= 5; day++) {
            notAwarded(app.event("app.opened", "u-1", day1.plus(Duration.ofDays(day)), NOTHING));
        }
        app.explain("u-1", moment).statusCode(200).body("progress.current", equalTo(6))
                .body("progress.complete", equalTo(false));

        awarded(app.event("app.opened", "u-1", day1.plus(Duration.ofDays(6)), NOTHING), moment);
    }

    @Test
    void theMomentsTimeZoneDecidesWhereADayEnds() {
        Api app = Api.newPartner();
        String inNewYork = app.launchedMoment(sevenDaysInARow(), newYork());
        String inUtc = app.launchedMoment(sevenDaysInARow());
        // February 2026: New York is UTC-5 all month.
        // 2026-02-02T03:00Z is Feb 1, 22:00 in New York; 2026-02-02T05:30Z is Feb 2, 00:30 in New York.
        // New York sees Feb 1..7 (seven days in a row); UTC sees Feb 2..7 (six days).
        List<Instant> opens = List.of(
                Instant.parse("2026-02-02T03:00:00Z"),
                Instant.parse("2026-02-02T05:30:00Z"),
                Instant.parse("2026-02-03T15:00:00Z"),
                Instant.parse("2026-02-04T15:00:00Z"),
                Instant.parse("2026-02-05T15:00:00Z"),
                Instant.parse("2026-02-06T15:00:00Z"));
        for (Instant open : opens) {
            notAwarded(app.event("app.opened", "night-owl", open, NOTHING));
        }
        app.explain("night-owl", inNewYork).body("progress.current", equalTo(6));
        app.explain("night-owl", inUtc).body("progress.current", equalTo(5));

        awarded(app.event("app.opened", "night-owl", Instant.parse("2026-02-07T15:00:00Z"), NOTHING), inNewYork)
                .body(progressOf(inUtc, "complete"), equalTo(false))
                .body(progressOf(inUtc, "current"), equalTo(6));
    }

    // --- Ten videos within seven days ---

    @Test
    void tenVideosWithinSevenDaysEarnWhileTenSpreadOverTwentyDaysEarnNothing() {
        Api video = Api.newPartner();
        String moment = video.launchedMoment(Map.of("kind", "count", "event", "video.watched", "atLeast", 10,
                "within", "P7D"));
        Instant start = Instant.parse("2026-05-01T08:00:00Z");

        for (int i = 0; i < 9; i++) { // every 14 hours: the tenth comes 5.25 days after the first
            notAwarded(video.event("video.watched", "binge", start.plus(Duration.ofHours(14L * i)), NOTHING));
        }
        awarded(video.event("video.watched", "binge", start.plus(Duration.ofHours(14L * 9)), NOTHING), moment);

        for (int i = 0; i < 10; i++) { // every 53 hours: the tenth comes 19.9 days after the first
            notAwarded(video.event("video.watched", "casual", start.plus(Duration.ofHours(53L * i)), NOTHING));
        }
        video.explain("casual", moment).statusCode(200)
                .body("progress.current", equalTo(4))
                .body("progress.target", equalTo(10))
                .body("progress.complete", equalTo(false));
    }

    // --- Onboarding within 24 hours of sign-up ---

    @Test
    void onboardingWithinTwentyFourHoursOfSignUpEarnsWhileAfterTwentyFiveHoursEarnsNothing() {
        Api saas = Api.newPartner();
        String moment = saas.launchedMoment(Map.of("kind", "sequence", "within", "PT24H", "steps", List.of(
                Map.of("event", "user.signed_up"), Map.of("event", "onboarding.completed"))));
        Instant signUp = Instant.parse("2026-06-01T10:00:00Z");

        notAwarded(saas.event("user.signed_up", "fast", signUp, NOTHING));
        awarded(saas.event("onboarding.completed", "fast", signUp.plus(Duration.ofHours(23)), NOTHING), moment);

        notAwarded(saas.event("user.signed_up", "slow", signUp, NOTHING));
        notAwarded(saas.event("onboarding.completed", "slow", signUp.plus(Duration.ofHours(25)), NOTHING))
                .body(progressOf(moment, "complete"), equalTo(false));
    }

    // --- Spend 50.00 across orders within 30 days ---

    @Test
    void spendingFiftyAcrossOrdersWithinThirtyDaysEarnsWhileTheSameAmountOverFortyDaysEarnsNothing() {
        Api shop = Api.newPartner();
        String moment = shop.launchedMoment(Map.of("kind", "sum", "event", "order.completed", "field", "total",
                "atLeast", new BigDecimal("50.00"), "within", "P30D"));
        Instant first = Instant.parse("2026-04-01T12:00:00Z");

        notAwarded(shop.event("order.completed", "within", first, Map.of("total", new BigDecimal("20.00"))));
        notAwarded(shop.event("order.completed", "within", first.plus(Duration.ofDays(10)),
                Map.of("total", new BigDecimal("15.00"))));
        awarded(shop.event("order.completed", "within", first.plus(Duration.ofDays(29)),
                Map.of("total", new BigDecimal("15.00"))), moment);

        notAwarded(shop.event("order.completed", "spread", first, Map.of("total", new BigDecimal("20.00"))));
        notAwarded(shop.event("order.completed", "spread", first.plus(Duration.ofDays(20)),
                Map.of("total", new BigDecimal("15.00"))));
        notAwarded(shop.event("order.completed", "spread", first.plus(Duration.ofDays(40)),
                Map.of("total", new BigDecimal("15.00"))))
                .body(progressOf(moment, "complete"), equalTo(false));
        shop.moment(moment).body("budgetState.reserved", equalTo("10.00"));
    }
}
