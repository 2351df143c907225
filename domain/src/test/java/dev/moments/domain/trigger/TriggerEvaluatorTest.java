package dev.moments.domain.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.event.EventContext;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.trigger.TriggerEvaluator.Disposition;
import dev.moments.domain.trigger.oracle.BruteForceOracle;
import dev.moments.domain.trigger.oracle.BruteForceOracle.Verdict;
import dev.moments.domain.trigger.oracle.IncrementalRun;
import dev.moments.domain.trigger.oracle.TestPredicates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Examples of each trigger kind, each run through both the incremental {@link TriggerEvaluator} and the
 * {@link BruteForceOracle}: every example asserts that they agree, then what they both say.
 */
class TriggerEvaluatorTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Schedule ALWAYS = new Schedule(START, null, UTC);
    private static final Duration LATENESS = TriggerEvaluator.DEFAULT_LATENESS;

    private int ids;

    // ------------------------------------------------------------------------------------------ single events

    @Nested
    class EventTriggers {

        private final EventTrigger purchase = new EventTrigger("purchase", null);

        @Test
        void anEventOfTheTriggersTypeCompletesIt() {
            assertThat(completions(purchase, event("purchase", day(1)))).containsExactly(0);
        }

        @Test
        void anEventOfAnotherTypeDoesNot() {
            assertThat(completions(purchase, event("app.opened", day(1)))).isEmpty();
        }

        @Test
        void reachingLevelTenCompletesItWhileLevelsFiveAndNineEarnNothing() {
            EventTrigger level10 = new EventTrigger("level.reached", "event.level >= 10");

            assertThat(completions(level10, event("level.reached", day(1), "level", 5),
                    event("level.reached", day(2), "level", 9), event("level.reached", day(3), "level", 10)))
                    .containsExactly(2);
        }

        @Test
        void aPurchaseAboveFourNinetyNineCompletesItButExactlyFourNinetyNineEarnsNothing() {
            EventTrigger above499 = new EventTrigger("purchase", "event.total > 4.99");

            assertThat(completions(above499, event("purchase", day(1), "total", "4.99"))).isEmpty();
            assertThat(completions(above499, event("purchase", day(1), "total", "4.99"),
                    event("purchase", day(2), "total", "5.00"))).containsExactly(1);
        }

        @Test
        void anEventWithoutThePropertyTheConditionReadsDoesNotCompleteIt() {
            EventTrigger above499 = new EventTrigger("purchase", "event.total > 4.99");

            assertThat(completions(above499, event("purchase", day(1)))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ counts

    @Nested
    class CountTriggers {

        @Test
        void threeMonthlyRenewalsCompleteItAndTheFirstTwoEarnNothing() {
            CountTrigger threeRenewals = new CountTrigger(
                    new Match("subscription.renewed", "event.plan == 'monthly'"), 3, null);

            assertThat(completions(threeRenewals,
                    event("subscription.renewed", Instant.parse("2026-01-05T09:00:00Z"), "plan", "monthly"),
                    event("subscription.renewed", Instant.parse("2026-02-05T09:00:00Z"), "plan", "monthly"),
                    event("subscription.renewed", Instant.parse("2026-02-06T09:00:00Z"), "plan", "annual"),
                    event("subscription.renewed", Instant.parse("2026-03-05T09:00:00Z"), "plan", "monthly")))
                    .containsExactly(3);
        }

        @Test
        void tenVideosWithinSevenDaysCompleteIt() {
            CountTrigger tenVideos = new CountTrigger(new Match("video.watched", null), 10, Duration.ofDays(7));
            List<UserEvent> videos = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                videos.add(event("video.watched", day(1).plus(Duration.ofHours(16L * i))));
            }

            assertThat(completions(tenVideos, videos)).containsExactly(9);
        }

        @Test
        void tenVideosSpreadOverTwentyDaysDoNot() {
            CountTrigger tenVideos = new CountTrigger(new Match("video.watched", null), 10, Duration.ofDays(7));
            List<UserEvent> videos = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                videos.add(event("video.watched", day(1).plus(Duration.ofHours(52L * i))));
            }

            assertThat(completions(tenVideos, videos)).isEmpty();
        }

        @Test
        void eventsExactlyTheWindowApartShareIt() {
            CountTrigger twoIn7Days = new CountTrigger(new Match("video.watched", null), 2, Duration.ofDays(7));

            assertThat(completions(twoIn7Days, event("video.watched", day(1)), event("video.watched", day(8))))
                    .containsExactly(1);
            assertThat(completions(twoIn7Days, event("video.watched", day(1)),
                    event("video.watched", day(8).plusSeconds(1)))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ sums

    @Nested
    class SumTriggers {

        private final SumTrigger fiftyIn30Days = new SumTrigger(new Match("order.completed", null), "total",
                new BigDecimal("50.00"), Duration.ofDays(30));

        @Test
        void fiftyDollarsWithinThirtyDaysCompleteIt() {
            assertThat(completions(fiftyIn30Days, event("order.completed", day(1), "total", "20.00"),
                    event("order.completed", day(15), "total", "15.00"),
                    event("order.completed", day(29), "total", "15.00"))).containsExactly(2);
        }

        @Test
        void theSameAmountsOverFortyDaysDoNot() {
            assertThat(completions(fiftyIn30Days, event("order.completed", day(1), "total", "20.00"),
                    event("order.completed", day(21), "total", "15.00"),
                    event("order.completed", day(41), "total", "15.00"))).isEmpty();
        }

        @Test
        void missingZeroAndNegativeAmountsAddNothing() {
            SumTrigger fifty = new SumTrigger(new Match("order.completed", null), "total", new BigDecimal("50"), null);

            assertThat(completions(fifty, event("order.completed", day(1), "total", "49.99"),
                    event("order.completed", day(2)), event("order.completed", day(3), "total", "0"),
                    event("order.completed", day(4), "total", "-5"), event("order.completed", day(5), "total", "0.01")))
                    .containsExactly(4);
        }
    }

    // ------------------------------------------------------------------------------------------ days

    @Nested
    class DaysTriggers {

        private final DaysTrigger sevenInARow = new DaysTrigger(new Match("app.opened", null), 7, true, null);

        @Test
        void sevenDaysInARowCompleteIt() {
            List<UserEvent> opens = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                opens.add(event("app.opened", day(i).plus(Duration.ofHours(12))));
            }

            assertThat(completions(sevenInARow, opens)).containsExactly(6);
        }

        @Test
        void aGapBreaksTheRun() {
            List<UserEvent> opens = new ArrayList<>();
            for (int i : new int[] {1, 2, 3, 5, 6, 7, 8}) {
                opens.add(event("app.opened", day(i).plus(Duration.ofHours(12))));
            }

            assertThat(completions(sevenInARow, opens)).isEmpty();
        }

        @Test
        void manyEventsOnOneDayCountOnce() {
            List<UserEvent> opens = new ArrayList<>();
            for (int hour = 1; hour <= 6; hour++) {
                opens.add(event("app.opened", day(1).plus(Duration.ofHours(hour))));
            }
            for (int i = 2; i <= 6; i++) {
                opens.add(event("app.opened", day(i).plus(Duration.ofHours(12))));
            }

            assertThat(completions(sevenInARow, opens)).isEmpty();
            opens.add(event("app.opened", day(7).plus(Duration.ofHours(12))));
            assertThat(completions(sevenInARow, opens)).containsExactly(11);
        }

        @Test
        void theMomentsTimeZoneNotUtcDecidesWhereADayEnds() {
            // Nov 20..25 at noon in New York, then 2026-11-26T03:00Z: Nov 26 in UTC, still Nov 25 (22:00) in New York
            List<UserEvent> opens = new ArrayList<>();
            for (int date = 20; date <= 25; date++) {
                opens.add(event("app.opened", Instant.parse("2026-11-%02dT17:00:00Z".formatted(date))));
            }
            opens.add(event("app.opened", Instant.parse("2026-11-26T03:00:00Z")));

            assertThat(completions(sevenInARow, new Schedule(START, null, NEW_YORK), LATENESS, opens)).isEmpty();
            assertThat(completions(sevenInARow, new Schedule(START, null, UTC), LATENESS, opens)).containsExactly(6);
        }

        @Test
        void daysWithinAWindowNeedNotFollowEachOther() {
            DaysTrigger threeDaysIn5 = new DaysTrigger(new Match("app.opened", null), 3, false, Duration.ofDays(5));

            assertThat(completions(threeDaysIn5, event("app.opened", day(1)), event("app.opened", day(3)),
                    event("app.opened", day(5)))).containsExactly(2);
            assertThat(completions(threeDaysIn5, event("app.opened", day(1)), event("app.opened", day(3)),
                    event("app.opened", day(6)))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ sequences

    @Nested
    class SequenceTriggers {

        private final SequenceTrigger secondOrderIn45Days = new SequenceTrigger(
                List.of(new Match("order.completed", null), new Match("order.completed", null)), Duration.ofDays(45));
        private final SequenceTrigger onboardingIn24h = new SequenceTrigger(
                List.of(new Match("user.signed_up", null), new Match("onboarding.completed", null)),
                Duration.ofHours(24));

        @Test
        void aSecondOrderWithinFortyFiveDaysCompletesIt() {
            assertThat(completions(secondOrderIn45Days, event("order.completed", day(1)),
                    event("order.completed", day(46)))).containsExactly(1);
        }

        @Test
        void aSecondOrderFortySixDaysLaterDoesNot() {
            assertThat(completions(secondOrderIn45Days, event("order.completed", day(1)),
                    event("order.completed", day(47)))).isEmpty();
        }

        @Test
        void onboardingWithinTwentyFourHoursOfSignupCompletesIt() {
            assertThat(completions(onboardingIn24h, event("user.signed_up", day(1)),
                    event("onboarding.completed", day(1).plus(Duration.ofHours(24))))).containsExactly(1);
        }

        @Test
        void onboardingTwentyFiveHoursAfterSignupDoesNot() {
            assertThat(completions(onboardingIn24h, event("user.signed_up", day(1)),
                    event("onboarding.completed", day(1).plus(Duration.ofHours(25))))).isEmpty();
        }

        @Test
        void stepsMustHappenInOrderEvenWhenTheyArriveOutOfOrder() {
            assertThat(completions(onboardingIn24h, event("onboarding.completed", day(1).plus(Duration.ofHours(2))),
                    event("user.signed_up", day(1)))).containsExactly(1);
            assertThat(completions(onboardingIn24h, event("onboarding.completed", day(1)),
                    event("user.signed_up", day(1).plus(Duration.ofHours(2))))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ all and any

    @Nested
    class Combinations {

        private final Trigger signUpThenVideosOrSpend = new AllTrigger(List.of(
                new EventTrigger("user.signed_up", null),
                new AnyTrigger(List.of(
                        new CountTrigger(new Match("video.watched", null), 3, null),
                        new SumTrigger(new Match("order.completed", null), "total", new BigDecimal("20"), null)))));

        @Test
        void allCompletesOnlyOnceEveryPartIsComplete() {
            assertThat(completions(signUpThenVideosOrSpend, event("video.watched", day(1)),
                    event("video.watched", day(2)), event("video.watched", day(3)), event("user.signed_up", day(4))))
                    .containsExactly(3);
        }

        @Test
        void anyOfItsPartsCompletesTheNestedAny() {
            assertThat(completions(signUpThenVideosOrSpend, event("user.signed_up", day(1)),
                    event("video.watched", day(2)), event("order.completed", day(3), "total", "25")))
                    .containsExactly(2);
        }

        @Test
        void onePartAloneDoesNotCompleteAll() {
            assertThat(completions(signUpThenVideosOrSpend, event("user.signed_up", day(1)),
                    event("video.watched", day(2)), event("order.completed", day(3), "total", "19.99")))
                    .isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ the rules

    @Nested
    class Rules {

        private final CountTrigger twoVideos = new CountTrigger(new Match("video.watched", null), 2, null);

        @Test
        void progressStartsAgainAfterACompletion() {
            assertThat(completions(twoVideos, event("video.watched", day(1)), event("video.watched", day(2)),
                    event("video.watched", day(3)), event("video.watched", day(4)), event("video.watched", day(5))))
                    .containsExactly(1, 3);
        }

        @Test
        void eventsAtOrBeforeTheLastCompletionAreUsedUp() {
            List<UserEvent> arrivals = List.of(event("video.watched", day(2)), event("video.watched", day(3)),
                    event("video.watched", day(1)), event("video.watched", day(3)), event("video.watched", day(4)),
                    event("video.watched", day(5)));

            assertThat(dispositions(twoVideos, ALWAYS, LATENESS, arrivals)).containsExactly(Disposition.COUNTED,
                    Disposition.COUNTED, Disposition.USED_UP, Disposition.USED_UP, Disposition.COUNTED,
                    Disposition.COUNTED);
            assertThat(completions(twoVideos, arrivals)).containsExactly(1, 5);
        }

        @Test
        void anEventEightDaysOlderThanTheNewestIsTooLateWhileOneSixDaysOlderCounts() {
            List<UserEvent> arrivals = List.of(event("video.watched", day(10)), event("video.watched", day(2)),
                    event("video.watched", day(4)));

            assertThat(dispositions(twoVideos, ALWAYS, LATENESS, arrivals))
                    .containsExactly(Disposition.COUNTED, Disposition.TOO_LATE, Disposition.COUNTED);
            assertThat(completions(twoVideos, arrivals)).containsExactly(2);
            assertThat(IncrementalRun.finalState(twoVideos, ALWAYS, LATENESS, TestPredicates.INSTANCE, arrivals)
                    .lateIgnored()).isEqualTo(1);
        }

        @Test
        void anEventExactlyTheLatenessOlderThanTheNewestStillCounts() {
            assertThat(completions(twoVideos, event("video.watched", day(10)), event("video.watched", day(3))))
                    .containsExactly(1);
        }

        @Test
        void eventsBeforeTheScheduleStartsOrFromItsEndDoNotCount() {
            Schedule january10To20 = new Schedule(day(9), day(19), UTC);
            List<UserEvent> arrivals = List.of(event("video.watched", day(9).minusSeconds(1)),
                    event("video.watched", day(19)), event("video.watched", day(9)),
                    event("video.watched", day(19).minusSeconds(1)));

            assertThat(dispositions(twoVideos, january10To20, LATENESS, arrivals)).containsExactly(
                    Disposition.OUTSIDE_SCHEDULE, Disposition.OUTSIDE_SCHEDULE, Disposition.COUNTED,
                    Disposition.COUNTED);
            assertThat(completions(twoVideos, january10To20, LATENESS, arrivals)).containsExactly(3);
        }

        @Test
        void aDirectTriggerNeverCompletesOnEvents() {
            assertThat(completions(new DirectTrigger(), event("video.watched", day(1)))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ progress

    @Nested
    class Progress {

        @Test
        void aCountShowsHowManyMatchingEventsOfHowMany() {
            CountTrigger three = new CountTrigger(new Match("video.watched", null), 3, null);

            assertProgress(three, "2", "3", event("video.watched", day(1)), event("video.watched", day(2)));
        }

        @Test
        void aWindowedCountShowsTheFullestWindow() {
            CountTrigger threeIn2Days = new CountTrigger(new Match("video.watched", null), 3, Duration.ofDays(2));

            assertProgress(threeIn2Days, "2", "3", event("video.watched", day(1)), event("video.watched", day(5)),
                    event("video.watched", day(6)));
        }

        @Test
        void aSumShowsTheTotalAgainstTheTarget() {
            SumTrigger fifty = new SumTrigger(new Match("order.completed", null), "total", new BigDecimal("50.00"),
                    Duration.ofDays(30));

            assertProgress(fifty, "32.50", "50.00", event("order.completed", day(1), "total", "20.00"),
                    event("order.completed", day(2), "total", "12.50"));
        }

        @Test
        void daysShowTheLongestRunAgainstTheDaysAskedFor() {
            DaysTrigger sevenInARow = new DaysTrigger(new Match("app.opened", null), 7, true, null);

            assertProgress(sevenInARow, "3", "7", event("app.opened", day(1)), event("app.opened", day(3)),
                    event("app.opened", day(4)), event("app.opened", day(5)));
        }

        @Test
        void aSequenceShowsTheStepsDoneInOrder() {
            SequenceTrigger threeSteps = new SequenceTrigger(List.of(new Match("user.signed_up", null),
                    new Match("profile.completed", null), new Match("order.completed", null)), Duration.ofDays(7));

            assertProgress(threeSteps, "2", "3", event("user.signed_up", day(1)),
                    event("profile.completed", day(2)));
        }

        @Test
        void aSumWithoutAWindowShowsItsRunningTotal() {
            SumTrigger fifty = new SumTrigger(new Match("order.completed", null), "total", new BigDecimal("50.00"),
                    null);

            assertProgress(fifty, "32.50", "50.00", event("order.completed", day(1), "total", "20.00"),
                    event("order.completed", day(40), "total", "12.50"));
        }

        @Test
        void anAnyShowsNothingDoneUntilOneOfItsPartsIsComplete() {
            AnyTrigger videosOrSignUp = new AnyTrigger(List.of(
                    new CountTrigger(new Match("video.watched", null), 3, null), new EventTrigger("user.signed_up", null)));

            assertProgress(videosOrSignUp, "0", "1", event("video.watched", day(1)), event("video.watched", day(2)));
        }

        @Test
        void beforeAnyMatchingEvent_everyKindShowsZeroOfItsTarget() {
            assertProgress(new DaysTrigger(new Match("app.opened", null), 7, true, null), "0", "7",
                    event("video.watched", day(1)));
            assertProgress(new DaysTrigger(new Match("app.opened", null), 3, false, Duration.ofDays(7)), "0", "3");
            assertProgress(new SumTrigger(new Match("order.completed", null), "total", new BigDecimal("50"), null),
                    "0", "50");
            assertProgress(new CountTrigger(new Match("video.watched", null), 3, Duration.ofDays(2)), "0", "3");
            assertProgress(new AllTrigger(List.of(new EventTrigger("user.signed_up", null),
                    new EventTrigger("video.watched", null))), "0", "2");
            assertProgress(new DirectTrigger(), "0", "1", event("video.watched", day(1)));
        }

        @Test
        void progressIsZeroAgainRightAfterACompletion() {
            CountTrigger two = new CountTrigger(new Match("video.watched", null), 2, null);

            assertProgress(two, "0", "2", event("video.watched", day(1)), event("video.watched", day(2)));
        }

        private void assertProgress(Trigger trigger, String current, String target, UserEvent... arrivals) {
            TriggerEvaluator evaluator = new TriggerEvaluator(trigger, ALWAYS, LATENESS);
            ProgressState state = IncrementalRun.finalState(trigger, ALWAYS, LATENESS, TestPredicates.INSTANCE,
                    List.of(arrivals));
            TriggerEvaluator.Progress progress = evaluator.progress(state);
            assertThat(progress.current()).isEqualByComparingTo(current);
            assertThat(progress.target()).isEqualByComparingTo(target);
            assertThat(progress.complete()).isFalse();
        }
    }

    // ------------------------------------------------------------------------------------------ edited triggers

    @Test
    void aStateKeptForAnotherTriggerCountsAsNothingSeenInsteadOfFailing() {
        AllTrigger both = new AllTrigger(List.of(new EventTrigger("tutorial.completed", null),
                new EventTrigger("level.reached", null)));
        ProgressState keptForACount = IncrementalRun.finalState(new CountTrigger(new Match("level.reached", null), 3,
                null), ALWAYS, LATENESS, TestPredicates.INSTANCE, List.of(event("level.reached", day(1))));
        TriggerEvaluator evaluator = new TriggerEvaluator(both, ALWAYS, LATENESS);

        TriggerEvaluator.Outcome first = evaluator.apply(keptForACount, event("tutorial.completed", day(2)),
                TestPredicates.INSTANCE);
        TriggerEvaluator.Outcome second = evaluator.apply(first.state(), event("level.reached", day(3)),
                TestPredicates.INSTANCE);

        assertThat(first.completed()).isFalse();
        assertThat(evaluator.progress(first.state()).current()).isEqualByComparingTo("1");
        assertThat(second.completed()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ kept completions

    @Nested
    class KeptCompletions {

        private final CountTrigger twoPurchasesAboveTen =
                new CountTrigger(new Match("purchase", "event.total > 4.99"), 2, null);
        private final TriggerEvaluator evaluator = new TriggerEvaluator(twoPurchasesAboveTen, ALWAYS, LATENESS);

        private TriggerEvaluator.Outcome apply(ProgressState state, UserEvent event) {
            return evaluator.apply(state, event, TestPredicates.INSTANCE);
        }

        private TriggerEvaluator.Outcome completedOnce() {
            ProgressState one = apply(ProgressState.start(twoPurchasesAboveTen),
                    event("purchase", day(1), "total", 20)).state();
            return apply(one, event("purchase", day(2), "total", 20));
        }

        @Test
        void aCompletionUsesUpItsEventsButOffersTheUnusedStateToKeep() {
            TriggerEvaluator.Outcome completion = completedOnce();

            assertThat(completion.completed()).isTrue();
            assertThat(evaluator.progress(completion.state()).current()).isZero();
            assertThat(completion.state().completions()).isEqualTo(1);
            assertThat(evaluator.progress(completion.kept()).complete()).isTrue();
            assertThat(completion.kept().completions()).isZero();
        }

        @Test
        void aKeptCompletionCompletesAgainWithTheNextMatchingEventOnly() {
            ProgressState kept = completedOnce().kept();

            TriggerEvaluator.Outcome small = apply(kept, event("purchase", day(3), "total", "4.99"));
            assertThat(small.completed()).as("a purchase of 4.99 does not match").isFalse();
            assertThat(evaluator.progress(small.state()).complete()).as("still kept").isTrue();

            TriggerEvaluator.Outcome other = apply(small.state(), event("app.opened", day(4)));
            assertThat(other.completed()).isFalse();

            TriggerEvaluator.Outcome next = apply(other.state(), event("purchase", day(5), "total", 30));
            assertThat(next.completed()).isTrue();
            assertThat(next.state().completions()).isEqualTo(1);
            assertThat(evaluator.progress(next.state()).current()).isZero();
        }

        /**
         * Every kind keeps a completion the same way: the next event that matches any of its conditions (a leaf's, a
         * sequence step's, a combination's part) completes it again, any other event leaves it kept.
         */
        @Test
        void everyKindOfTrigger_completesAKeptCompletionAgainWithItsNextMatchingEventOnly() {
            Map<Trigger, List<UserEvent>> completingEvents = new LinkedHashMap<>();
            completingEvents.put(new EventTrigger("purchase", null), List.of(event("purchase", day(1))));
            completingEvents.put(new SumTrigger(new Match("purchase", null), "total", new BigDecimal("10"), null),
                    List.of(event("purchase", day(1), "total", 10)));
            completingEvents.put(new DaysTrigger(new Match("purchase", null), 1, true, null),
                    List.of(event("purchase", day(1))));
            completingEvents.put(new SequenceTrigger(List.of(new Match("signup", null), new Match("purchase", null)),
                    Duration.ofDays(30)), List.of(event("signup", day(1)), event("purchase", day(2))));
            completingEvents.put(new AllTrigger(List.of(new EventTrigger("signup", null),
                    new EventTrigger("purchase", null))), List.of(event("signup", day(1)), event("purchase", day(2))));
            completingEvents.put(new AnyTrigger(List.of(new EventTrigger("signup", null),
                    new EventTrigger("purchase", null))), List.of(event("purchase", day(1))));

            completingEvents.forEach((trigger, events) -> {
                TriggerEvaluator kind = new TriggerEvaluator(trigger, ALWAYS, LATENESS);
                ProgressState state = ProgressState.start(trigger);
                TriggerEvaluator.Outcome outcome = null;
                for (UserEvent completing : events) {
                    outcome = kind.apply(state, completing, TestPredicates.INSTANCE);
                    state = outcome.state();
                }
                assertThat(outcome.completed()).as(trigger.kind()).isTrue();

                TriggerEvaluator.Outcome other = kind.apply(outcome.kept(), event("app.opened", day(10)),
                        TestPredicates.INSTANCE);
                assertThat(other.completed()).as(trigger.kind() + ": an event it does not listen to").isFalse();
                assertThat(kind.progress(other.state()).complete()).as(trigger.kind() + ": still kept").isTrue();

                TriggerEvaluator.Outcome again = kind.apply(other.state(), event("purchase", day(11), "total", 10),
                        TestPredicates.INSTANCE);
                assertThat(again.completed()).as(trigger.kind() + ": its next matching event").isTrue();
            });
        }

        @Test
        void aDirectTriggerDoesNotCompleteOnEvents_evenFromACompletionKeptUnderTheMomentsEarlierTrigger() {
            ProgressState keptUnderAnEventTrigger = new TriggerEvaluator(new EventTrigger("purchase", null), ALWAYS,
                    LATENESS).apply(ProgressState.start(new EventTrigger("purchase", null)), event("purchase", day(1)),
                    TestPredicates.INSTANCE).kept();
            TriggerEvaluator direct = new TriggerEvaluator(new DirectTrigger(), ALWAYS, LATENESS);

            TriggerEvaluator.Outcome next = direct.apply(keptUnderAnEventTrigger, event("purchase", day(2)),
                    TestPredicates.INSTANCE);

            assertThat(next.completed()).isFalse();
            assertThat(next.disposition()).isEqualTo(Disposition.COUNTED);
        }

        @Test
        void anOutcomeWithoutACompletionHasNothingElseToKeep() {
            TriggerEvaluator.Outcome first = apply(ProgressState.start(twoPurchasesAboveTen),
                    event("purchase", day(1), "total", 20));
            assertThat(first.kept()).isEqualTo(first.state());
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Instant day(int days) {
        return START.plus(Duration.ofDays(days));
    }

    /** An event with properties given as name, value pairs; numbers and numeric strings become BigDecimal. */
    private UserEvent event(String type, Instant at, Object... nameValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            if (value instanceof Number || value instanceof String text && text.matches("-?[0-9.]+")) {
                value = new BigDecimal(value.toString());
            }
            properties.put((String) nameValues[i], value);
        }
        return new UserEvent(Fixtures.PARTNER, "evt-" + ++ids, type, "u1", null, at, properties, EventContext.NONE,
                Map.of());
    }

    private static List<Integer> completions(Trigger trigger, UserEvent... arrivals) {
        return completions(trigger, ALWAYS, LATENESS, List.of(arrivals));
    }

    private static List<Integer> completions(Trigger trigger, List<UserEvent> arrivals) {
        return completions(trigger, ALWAYS, LATENESS, arrivals);
    }

    /** Where the evaluator completed, after checking that the oracle says the same. */
    private static List<Integer> completions(Trigger trigger, Schedule schedule, Duration lateness,
                                             List<UserEvent> arrivals) {
        List<Integer> incremental = IncrementalRun.completions(trigger, schedule, lateness, TestPredicates.INSTANCE,
                arrivals);
        assertThat(incremental).as("the evaluator agrees with the oracle")
                .isEqualTo(BruteForceOracle.completions(trigger, schedule, lateness, TestPredicates.INSTANCE,
                        arrivals));
        return incremental;
    }

    /** What became of each arrival, after checking that the oracle says the same. */
    private static List<Disposition> dispositions(Trigger trigger, Schedule schedule, Duration lateness,
                                                  List<UserEvent> arrivals) {
        List<Disposition> dispositions = new ArrayList<>();
        for (TriggerEvaluator.Outcome outcome : IncrementalRun.outcomes(trigger, schedule, lateness,
                TestPredicates.INSTANCE, arrivals)) {
            dispositions.add(outcome.disposition());
        }
        List<Verdict> verdicts = BruteForceOracle.verdicts(trigger, schedule, lateness, TestPredicates.INSTANCE,
                arrivals);
        List<Disposition> expected = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            expected.add(switch (verdict) {
                case OUTSIDE_SCHEDULE -> Disposition.OUTSIDE_SCHEDULE;
                case TOO_LATE -> Disposition.TOO_LATE;
                case USED_UP -> Disposition.USED_UP;
                case ACCEPTED, COMPLETED -> Disposition.COUNTED;
            });
        }
        assertThat(dispositions).as("the evaluator agrees with the oracle").isEqualTo(expected);
        return dispositions;
    }
}
