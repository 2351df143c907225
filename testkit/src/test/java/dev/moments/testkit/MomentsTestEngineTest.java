package dev.moments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MomentsTestEngineTest {

    private static final String CREDIT = """
            {"name": "$5 store credit", "kind": "CREDIT", "cost": "5.00", "currency": "USD",
             "fulfillment": {"provider": "sandbox"}}""";

    private MomentsTestEngine engine;
    private TestPartner acme;
    private String reward;

    @BeforeEach
    void setUp() {
        engine = MomentsTestEngine.create();
        acme = engine.partner("Acme Shop", "USD");
        reward = acme.createReward(CREDIT);
    }

    /** "Spend at least $25 in one order", $10 per action, a budget of {@code total}, each user once. */
    private String bigOrderMoment(String total, String extra) {
        return acme.createMoment("""
                {"name": "Spend at least $25 in one order",
                 "trigger": {"kind": "event", "event": "order.completed", "where": "event.total >= 25"},
                 "budget": {"currency": "USD", "total": "%s", "costPerAction": "10.00"},
                 "rewards": ["%s"]%s}""".formatted(total, reward, extra));
    }

    private static String order(String id, String user, String total) {
        return """
                {"id": "%s", "type": "order.completed", "userId": "%s", "properties": {"total": %s}}"""
                .formatted(id, user, total);
    }

    @Test
    void startsEmptyAtTheStartOf2026() {
        assertThat(engine.clock().now()).isEqualTo(MomentsTestEngine.START).hasToString("2026-01-01T00:00:00Z");
    }

    @Test
    void anOrderOverTheThresholdEarnsAnAwardThatIsClaimedAndPaid() {
        String moment = bigOrderMoment("100.00", "");
        assertThat(acme.launch(moment)).isEqualTo("LIVE");

        EventResult result = acme.send(order("order-1001", "u-42", "42.50"));

        assertThat(result.duplicate()).isFalse();
        assertThat(result.awards()).singleElement().satisfies(award -> {
            assertThat(award.momentId()).isEqualTo(moment);
            assertThat(award.userId()).isEqualTo("u-42");
            assertThat(award.status()).isEqualTo("EARNED");
            assertThat(award.redeemToken()).isNotBlank();
            assertThat(award.reserved()).isEqualByComparingTo("10.00");
        });
        assertThat(acme.budget(moment)).satisfies(budget -> {
            assertThat(budget.reserved()).isEqualByComparingTo("10.00");
            assertThat(budget.spent()).isEqualByComparingTo("0");
            assertThat(budget.remaining()).isEqualByComparingTo("90.00");
        });

        TestAward award = result.awards().get(0);
        assertThat(acme.claim(award.redeemToken(), reward)).isEqualTo("FULFILLED");
        assertThat(acme.award(award.id()).status()).isEqualTo("FULFILLED");
        assertThat(acme.award(award.id()).redeemToken()).isEqualTo(award.redeemToken());
        assertThat(acme.budget(moment)).as("the reservation settled at the reward's cost").satisfies(budget -> {
            assertThat(budget.reserved()).isEqualByComparingTo("0");
            assertThat(budget.spent()).isEqualByComparingTo("5.00");
            assertThat(budget.remaining()).isEqualByComparingTo("95.00");
        });
    }

    @Test
    void theSameEventTwiceIsADuplicateWithTheSameAward() {
        String moment = bigOrderMoment("100.00", "");
        acme.launch(moment);
        EventResult first = acme.send(order("order-1001", "u-42", "42.50"));

        EventResult again = acme.send(order("order-1001", "u-42", "42.50"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.awards()).extracting(TestAward::id).containsExactly(first.awards().get(0).id());
        assertThat(acme.budget(moment).reserved()).isEqualByComparingTo("10.00");
    }

    @Test
    void aSmallOrderEarnsNothingAndTheExplanationSaysWhy() {
        String moment = bigOrderMoment("100.00", "");
        acme.launch(moment);

        EventResult result = acme.send(order("order-1002", "u-7", "10"));

        assertThat(result.awards()).isEmpty();
        assertThat(acme.explain("u-7", moment).reasons()).containsExactly("NOT_COMPLETED");
    }

    @Test
    void evaluatesTheCelTheServiceRuns() {
        String moment = acme.createMoment("""
                {"name": "Two books in one order",
                 "trigger": {"kind": "event", "event": "order.completed",
                             "where": "event.items.filter(i, i.category == 'books').size() >= 2 && user.tier in ['gold', 'silver']"},
                 "budget": {"currency": "USD", "total": "100.00", "costPerAction": "10.00"},
                 "rewards": ["%s"]}""".formatted(reward));
        acme.launch(moment);
        String items = """
                [{"sku": "a", "category": "books"}, {"sku": "b", "category": "music"}, {"sku": "c", "category": "books"}]""";

        EventResult bronze = acme.send("""
                {"id": "e1", "type": "order.completed", "userId": "u-1", "properties": {"items": %s},
                 "user": {"tier": "bronze"}}""".formatted(items));
        EventResult gold = acme.send("""
                {"id": "e2", "type": "order.completed", "userId": "u-2", "properties": {"items": %s},
                 "user": {"tier": "gold"}}""".formatted(items));

        assertThat(bronze.awards()).isEmpty();
        assertThat(gold.awards()).hasSize(1);
    }

    @Test
    void aUserIsPaidOncePerUserAndTheExplanationNamesTheLimit() {
        String moment = bigOrderMoment("100.00", "");
        acme.launch(moment);
        acme.send(order("o-1", "u-42", "30"));

        EventResult second = acme.send(order("o-2", "u-42", "30"));

        assertThat(second.awards()).isEmpty();
        assertThat(acme.explain("u-42", moment).reasons()).contains("LIMIT_PER_USER");
        assertThat(acme.budget(moment).reserved()).isEqualByComparingTo("10.00");
    }

    @Test
    void aBudgetIsNeverOverspentAndATopUpPaysTheNextCompletion() {
        String moment = bigOrderMoment("20.00", "");
        acme.launch(moment);
        for (int i = 1; i <= 3; i++) {
            acme.send(order("o-" + i, "u-" + i, "30"));
        }
        assertThat(acme.budget(moment).remaining()).isEqualByComparingTo("0");
        assertThat(acme.budget(moment).reserved()).isEqualByComparingTo("20.00");
        assertThat(acme.status(moment)).isEqualTo("EXHAUSTED");
        assertThat(acme.explain("u-3", moment).reasons()).contains("BUDGET_EXHAUSTED");

        TestBudget topped = acme.topUp(moment, "50.00");

        assertThat(topped.total()).isEqualByComparingTo("70.00");
        assertThat(acme.status(moment)).isEqualTo("LIVE");
        assertThat(acme.send(order("o-4", "u-4", "30")).awards()).hasSize(1);
    }

    @Test
    void movingTheClockPastClaimWithinExpiresTheAwardAndReleasesItsReservation() {
        String moment = bigOrderMoment("100.00", ", \"limits\": {\"claimWithin\": \"P7D\"}");
        acme.launch(moment);
        TestAward award = acme.send(order("o-1", "u-1", "30")).awards().get(0);

        engine.clock().advance(Duration.ofDays(7).plusSeconds(1));

        assertThat(acme.award(award.id()).status()).isEqualTo("EXPIRED");
        assertThat(acme.budget(moment).reserved()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> acme.claim(award.redeemToken(), reward))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(410);
                    assertThat(problem.type()).isEqualTo("/problems/expired");
                });
    }

    @Test
    void theClockDoesNotGoBack() {
        assertThatThrownBy(() -> engine.clock().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.clock().set(MomentsTestEngine.START.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLifecycleFromTestToFinish() {
        String moment = bigOrderMoment("100.00", "");
        assertThat(acme.test(moment)).isEqualTo("TEST");
        assertThat(acme.launch(moment)).isEqualTo("LIVE");
        assertThat(acme.pause(moment)).isEqualTo("PAUSED");
        assertThat(acme.send(order("o-1", "u-1", "30")).awards()).as("paused").isEmpty();
        assertThat(acme.resume(moment)).isEqualTo("LIVE");
        assertThat(acme.finish(moment)).isEqualTo("FINISHED");
        assertThatThrownBy(() -> acme.resume(moment)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(409));
    }

    @Nested
    class Refusals {

        @Test
        void anInvalidFieldIsA422NamingItsPath() {
            assertThatThrownBy(() -> acme.createMoment("""
                    {"name": "Bad", "trigger": {"kind": "event", "event": "order.completed", "where": "event.total >="},
                     "budget": {"currency": "USD", "total": "100.00", "costPerAction": "10.00"},
                     "rewards": ["%s"]}""".formatted(reward)))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(422);
                        assertThat(problem.type()).isEqualTo("/problems/invalid-value");
                        assertThat(problem.errors()).extracting(ProblemException.FieldError::field)
                                .containsExactly("trigger.where");
                        assertThat(problem).hasMessageStartingWith("422 /problems/invalid-value: trigger.where");
                    });
        }

        @Test
        void aValueOfTheWrongJsonTypeIsA400() {
            assertThatThrownBy(() -> acme.send("""
                    {"id": "e1", "type": "order.completed", "userId": true}"""))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(400);
                        assertThat(problem.errors()).extracting(ProblemException.FieldError::field)
                                .containsExactly("userId");
                    });
        }

        @Test
        void aDuplicateKeyOrAnEmptyBodyIsRefused() {
            assertThatThrownBy(() -> acme.send("{\"id\": \"a\", \"id\": \"b\"}"))
                    .isInstanceOfSatisfying(ProblemException.class,
                            problem -> assertThat(problem.code()).isEqualTo("malformed-json"));
            assertThatThrownBy(() -> acme.send(""))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(422);
                        assertThat(problem.errors()).extracting(ProblemException.FieldError::field)
                                .containsExactly("body");
                    });
        }

        @Test
        void anotherPartnersMomentIsNotFound() {
            String moment = bigOrderMoment("100.00", "");
            TestPartner other = engine.partner("Other", "USD");

            assertThatThrownBy(() -> other.launch(moment)).isInstanceOfSatisfying(ProblemException.class,
                    problem -> assertThat(problem.status()).isEqualTo(404));
            assertThatThrownBy(() -> other.budget(moment)).isInstanceOf(ProblemException.class);
        }

        @Test
        void aSecondClaimIsAlreadyClaimed() {
            String moment = bigOrderMoment("100.00", "");
            acme.launch(moment);
            TestAward award = acme.send(order("o-1", "u-1", "30")).awards().get(0);
            acme.claim(award.redeemToken(), reward);

            assertThatThrownBy(() -> acme.claim(award.redeemToken(), reward))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.status()).isEqualTo(409);
                        assertThat(problem.code()).isEqualTo("already-claimed");
                    });
        }

        @Test
        void aRewardTheAwardDoesNotOfferIsAnInvalidRewardId() {
            String moment = bigOrderMoment("100.00", "");
            acme.launch(moment);
            TestAward award = acme.send(order("o-1", "u-1", "30")).awards().get(0);

            assertThatThrownBy(() -> acme.claim(award.redeemToken(), "rwd_unknown"))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                            .extracting(ProblemException.FieldError::field).containsExactly("rewardId"));
            assertThatThrownBy(() -> acme.claim(award.redeemToken(), null))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status())
                            .isEqualTo(422));
        }

        @Test
        void aPartnerInAnUnknownCurrencyIsRefused() {
            assertThatThrownBy(() -> engine.partner("Acme", "XYZ")).isInstanceOfSatisfying(ProblemException.class,
                    problem -> assertThat(problem.status()).isEqualTo(422));
        }
    }

    @Test
    void moneyIsExact() {
        String dime = acme.createReward("""
                {"name": "A dime", "kind": "CREDIT", "cost": "0.10", "currency": "USD",
                 "fulfillment": {"provider": "sandbox"}}""");
        String moment = acme.createMoment("""
                {"name": "Small", "trigger": {"kind": "event", "event": "ping"},
                 "budget": {"currency": "USD", "total": "0.30", "costPerAction": "0.10"},
                 "rewards": ["%s"], "limits": {"perUser": 10}}""".formatted(dime));
        acme.launch(moment);
        for (int i = 0; i < 4; i++) {
            acme.send("{\"id\": \"p-" + i + "\", \"type\": \"ping\", \"userId\": \"u-" + i + "\"}");
        }
        assertThat(acme.budget(moment).reserved()).isEqualTo(new BigDecimal("0.30"));
    }
}
