package dev.moments.domain.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.event.EventContext;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.trigger.oracle.BruteForceOracle;
import dev.moments.domain.trigger.oracle.IncrementalRun;
import dev.moments.domain.trigger.oracle.TestPredicates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * The incremental {@link TriggerEvaluator} completes at exactly the arrivals where the {@link BruteForceOracle}, which
 * re-evaluates every accepted event from scratch, does — for random triggers, schedules, lateness and arrivals.
 */
class IncrementalMatchesOracleProperties {

    private static final Instant BASE = Instant.parse("2026-03-06T00:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Chatham"));
    /** Conditions of leaves; blank (no condition) twice as likely. */
    private static final List<String> WHERE = List.of("", "", "event.v >= 5", "event.v < 3");
    /** Values of the property {@code v}; index 0 leaves it out. */
    private static final List<String> VALUES = List.of("-", "1", "0", "-1", "0.5", "2.5", "3", "4.99", "5", "7", "10");
    private static final List<BigDecimal> SUM_TARGETS = List.of(new BigDecimal("1"), new BigDecimal("2.5"),
            new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("12.5"), new BigDecimal("20"));

    // ---------------------------------------------------------------- properties, one per kind

    @Property(tries = 1000)
    void eventTriggersAgree(@ForAll("eventScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void countTriggersWithoutAWindowAgree(@ForAll("countScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void countTriggersWithinAWindowAgree(@ForAll("countWithinScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void sumTriggersWithoutAWindowAgree(@ForAll("sumScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void sumTriggersWithinAWindowAgree(@ForAll("sumWithinScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void plainDaysTriggersAgree(@ForAll("daysScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void consecutiveDaysTriggersAgree(@ForAll("consecutiveDaysScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void daysWithinAWindowTriggersAgree(@ForAll("daysWithinScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void sequenceTriggersAgree(@ForAll("sequenceScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void nestedAllAndAnyTriggersAgree(@ForAll("nestedScenarios") Scenario scenario) {
        check(scenario);
    }

    @Property(tries = 1000)
    void referralTriggersAgreeOnTheRefereesProgress(@ForAll("referralScenarios") Scenario scenario) {
        check(scenario);
    }

    private static void check(Scenario scenario) {
        List<String> incremental = new ArrayList<>();
        for (TriggerEvaluator.Outcome outcome : IncrementalRun.outcomes(scenario.trigger(), scenario.schedule(),
                scenario.lateness(), TestPredicates.INSTANCE, scenario.arrivals())) {
            incremental.add(outcome.completed() ? "COMPLETED" : outcome.disposition().name());
        }
        List<String> oracle = new ArrayList<>();
        for (BruteForceOracle.Verdict verdict : BruteForceOracle.verdicts(scenario.trigger(), scenario.schedule(),
                scenario.lateness(), TestPredicates.INSTANCE, scenario.arrivals())) {
            oracle.add(verdict == BruteForceOracle.Verdict.ACCEPTED ? "COUNTED" : verdict.name());
        }
        assertThat(IncrementalRun.completions(scenario.trigger(), scenario.schedule(), scenario.lateness(),
                TestPredicates.INSTANCE, scenario.arrivals()))
                .as("completions of the evaluator against the oracle")
                .isEqualTo(BruteForceOracle.completions(scenario.trigger(), scenario.schedule(), scenario.lateness(),
                        TestPredicates.INSTANCE, scenario.arrivals()));
        assertThat(incremental).as("what became of each arrival").isEqualTo(oracle);
    }

    // ---------------------------------------------------------------- scenarios

    @Provide
    Arbitrary<Scenario> eventScenarios() {
        return scenarios(eventTrigger());
    }

    @Provide
    Arbitrary<Scenario> countScenarios() {
        return scenarios(countTrigger(false));
    }

    @Provide
    Arbitrary<Scenario> countWithinScenarios() {
        return scenarios(countTrigger(true));
    }

    @Provide
    Arbitrary<Scenario> sumScenarios() {
        return scenarios(sumTrigger(false));
    }

    @Provide
    Arbitrary<Scenario> sumWithinScenarios() {
        return scenarios(sumTrigger(true));
    }

    @Provide
    Arbitrary<Scenario> daysScenarios() {
        return scenarios(plainDaysTrigger());
    }

    @Provide
    Arbitrary<Scenario> consecutiveDaysScenarios() {
        return scenarios(consecutiveDaysTrigger());
    }

    @Provide
    Arbitrary<Scenario> daysWithinScenarios() {
        return scenarios(daysWithinTrigger());
    }

    @Provide
    Arbitrary<Scenario> sequenceScenarios() {
        return scenarios(sequenceTrigger());
    }

    @Provide
    Arbitrary<Scenario> nestedScenarios() {
        return scenarios(nestedTrigger());
    }

    @Provide
    Arbitrary<Scenario> referralScenarios() {
        Arbitrary<Duration> within = Arbitraries.oneOf(Arbitraries.just(null), window());
        return scenarios(Combinators.combine(Arbitraries.oneOf(leaf(), nestedTrigger()), within,
                Arbitraries.of(true, false)).as(ReferralTrigger::new));
    }

    private static Arbitrary<Scenario> scenarios(Arbitrary<Trigger> triggers) {
        Arbitrary<List<EventSpec>> specs = eventSpec().list().ofMinSize(0).ofMaxSize(40)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<Order> orders = Arbitraries.of(Order.SORTED, Order.SORTED, Order.AS_GENERATED, Order.SHUFFLED, Order.NEARLY_SORTED,
                Order.NEARLY_SORTED, Order.REVERSED);
        Arbitrary<Duration> lateness = Arbitraries.of(Duration.ZERO, Duration.ofHours(12), Duration.ofDays(1),
                Duration.ofDays(7), Duration.ofDays(7));
        return Combinators.combine(triggers, schedule(), lateness, specs, orders,
                Arbitraries.longs().between(0, 1000)).as(Scenario::resolve)
                // jqwik's own edge cases (empty lists, extreme indices) would take most of the tries; the generators
                // above aim at the edges that matter here instead
                .withoutEdgeCases();
    }

    // ---------------------------------------------------------------- triggers

    private static Arbitrary<Match> match() {
        return Combinators.combine(Arbitraries.of("a", "b", "c"), Arbitraries.of(WHERE)).as(Match::new);
    }

    private static Arbitrary<Long> atLeast() {
        return Arbitraries.longs().between(1, 5);
    }

    /** Windows of hours to days, with the round ones most often. */
    private static Arbitrary<Duration> window() {
        Arbitrary<Duration> round = Arbitraries.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24),
                Duration.ofDays(2), Duration.ofDays(7));
        return Arbitraries.oneOf(round, round,
                Arbitraries.integers().between(1, 240).map(hours -> Duration.ofHours(hours)),
                Arbitraries.integers().between(1, 14).map(days -> Duration.ofDays(days)));
    }

    private static Arbitrary<Trigger> eventTrigger() {
        return match().map(EventTrigger::new);
    }

    private static Arbitrary<Trigger> countTrigger(boolean windowed) {
        if (!windowed) {
            return Combinators.combine(match(), atLeast()).as((m, n) -> new CountTrigger(m, n, null));
        }
        return Combinators.combine(match(), atLeast(), window()).as(CountTrigger::new);
    }

    private static Arbitrary<Trigger> sumTrigger(boolean windowed) {
        Arbitrary<BigDecimal> targets = Arbitraries.of(SUM_TARGETS);
        if (!windowed) {
            return Combinators.combine(match(), targets).as((m, x) -> new SumTrigger(m, "v", x, null));
        }
        return Combinators.combine(match(), targets, window()).as((m, x, w) -> new SumTrigger(m, "v", x, w));
    }

    private static Arbitrary<Trigger> plainDaysTrigger() {
        return Combinators.combine(match(), atLeast()).as((m, n) -> new DaysTrigger(m, n, false, null));
    }

    /** A window of at least {@code atLeast} whole days: extra days, and sometimes a few hours more. */
    private static Arbitrary<Trigger> daysTrigger(boolean consecutive, boolean windowed) {
        Arbitrary<Integer> extraDays = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> extraHours = Arbitraries.integers().between(0, 23);
        return Combinators.combine(match(), atLeast(), extraDays, extraHours).as((m, n, days, hours) ->
                new DaysTrigger(m, n, consecutive, windowed ? Duration.ofDays(n + days).plusHours(hours) : null));
    }

    private static Arbitrary<Trigger> consecutiveDaysTrigger() {
        return Arbitraries.oneOf(daysTrigger(true, false), daysTrigger(true, true));
    }

    private static Arbitrary<Trigger> daysWithinTrigger() {
        return daysTrigger(false, true);
    }

    private static Arbitrary<Trigger> sequenceTrigger() {
        return Combinators.combine(match().list().ofMinSize(1).ofMaxSize(4), window()).as(SequenceTrigger::new);
    }

    private static Arbitrary<Trigger> leaf() {
        return Arbitraries.oneOf(eventTrigger(), countTrigger(false), countTrigger(true), sumTrigger(false),
                sumTrigger(true), plainDaysTrigger(), consecutiveDaysTrigger(), daysWithinTrigger(),
                sequenceTrigger());
    }

    private static Arbitrary<Trigger> combination(Arbitrary<Trigger> children) {
        return Combinators.combine(Arbitraries.of(true, false), children.list().ofMinSize(1).ofMaxSize(3))
                .as((all, of) -> all ? new AllTrigger(of) : new AnyTrigger(of));
    }

    /** {@code all}/{@code any} of leaves, or of leaves and {@code all}/{@code any} of leaves: two levels at most. */
    private static Arbitrary<Trigger> nestedTrigger() {
        Arbitrary<Trigger> inner = combination(leaf());
        Arbitrary<Trigger> leaf = leaf();
        return combination(Arbitraries.oneOf(leaf, leaf, inner));
    }

    // ---------------------------------------------------------------- schedules and events

    private static Arbitrary<Schedule> schedule() {
        Arbitrary<Integer> startMinutes = Arbitraries.integers().between(-48 * 60, 48 * 60);
        Arbitrary<Integer> lengthHours = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.just(0),
                Arbitraries.integers().between(1, 20 * 24), Arbitraries.integers().between(3 * 24, 20 * 24));
        return Combinators.combine(startMinutes, lengthHours, Arbitraries.of(ZONES)).as((minutes, hours, zone) -> {
            Instant startsAt = BASE.plus(Duration.ofMinutes(minutes));
            return new Schedule(startsAt, hours == 0 ? null : startsAt.plus(Duration.ofHours(hours)), zone);
        });
    }

    private static Arbitrary<EventSpec> eventSpec() {
        Arbitrary<Integer> jitter = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.just(0),
                Arbitraries.integers().between(-36 * 60, 36 * 60));
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1000);
        Arbitrary<Integer> secondIndex = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.just(0), index);
        Arbitrary<Integer> type = Arbitraries.of(0, 0, 0, 0, 1, 2);
        // 0-7 pick an instant of the schedule, 8 the time of the event generated just before
        Arbitrary<Integer> anchor = Arbitraries.of(0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8);
        // positive values twice as likely
        Arbitrary<Integer> value = Arbitraries.oneOf(Arbitraries.integers().between(0, VALUES.size() - 1),
                Arbitraries.integers().between(4, VALUES.size() - 1));
        return Combinators.combine(type, anchor, index, secondIndex, jitter, value,
                        Arbitraries.integers().between(0, 5))
                .as(EventSpec::new);
    }

    /**
     * One event before it is placed: its type, an anchor (an instant of the schedule or the previous event's time), two
     * offsets among the durations the scenario cares about, a jitter in minutes, its value of {@code v}, and whether
     * it arrives twice (when 5, so that shrinking drops the copy).
     */
    record EventSpec(int type, int anchor, int offset, int secondOffset, int jitterMinutes, int value, int twice) {
    }

    /** The order events arrive in; nearly sorted swaps a few neighbours of the sorted order. */
    enum Order { SORTED, AS_GENERATED, SHUFFLED, NEARLY_SORTED, REVERSED }

    /** Everything one try evaluates; prints the arrivals one a line. */
    record Scenario(Trigger trigger, Schedule schedule, Duration lateness, List<UserEvent> arrivals) {

        static Scenario resolve(Trigger trigger, Schedule schedule, Duration lateness, List<EventSpec> specs,
                                Order order, long seed) {
            List<Instant> anchors = anchors(schedule);
            List<Duration> offsets = offsets(trigger, lateness);
            List<UserEvent> events = new ArrayList<>();
            Instant previous = anchors.get(0);
            for (EventSpec spec : specs) {
                Instant from = spec.anchor() < anchors.size() ? anchors.get(spec.anchor()) : previous;
                Instant at = from
                        .plus(offsets.get(spec.offset() % offsets.size()))
                        .minus(offsets.get(spec.secondOffset() % offsets.size()))
                        .plus(Duration.ofMinutes(spec.jitterMinutes()));
                String value = VALUES.get(spec.value());
                Map<String, Object> properties = value.equals("-") ? Map.of() : Map.of("v", new BigDecimal(value));
                UserEvent event = new UserEvent(Fixtures.PARTNER, "e" + events.size(),
                        List.of("a", "b", "c").get(spec.type()), "u1", null, at, properties, EventContext.NONE,
                        Map.of());
                events.add(event);
                previous = at;
                if (spec.twice() == 5) {
                    // the same event again under another id: a redelivery of the same id is deduplicated upstream
                    events.add(new UserEvent(event.partnerId(), event.id() + "-again", event.type(), event.userId(),
                            null, at, properties, EventContext.NONE, Map.of()));
                }
            }
            switch (order) {
                case SHUFFLED -> Collections.shuffle(events, new Random(seed));
                case SORTED -> events.sort(Comparator.comparing(UserEvent::occurredAt));
                case REVERSED -> events.sort(Comparator.comparing(UserEvent::occurredAt).reversed());
                case NEARLY_SORTED -> {
                    events.sort(Comparator.comparing(UserEvent::occurredAt));
                    Random random = new Random(seed);
                    for (int i = 0; i + 1 < events.size(); i++) {
                        if (random.nextInt(4) == 0) {
                            Collections.swap(events, i, i + 1);
                        }
                    }
                }
                case AS_GENERATED -> { }
            }
            return new Scenario(trigger, schedule, lateness, List.copyOf(events));
        }

        /** Instants worth clustering around: the schedule's edges, local midnights, points inside. */
        private static List<Instant> anchors(Schedule schedule) {
            ZoneId zone = schedule.timezone();
            Instant start = schedule.startsAt();
            Instant midnight = start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = schedule.endsAt() != null ? schedule.endsAt() : start.plus(Duration.ofDays(5));
            return List.of(start.plus(Duration.ofDays(1)), start, midnight,
                    midnight.atZone(zone).toLocalDate().plusDays(3).atStartOfDay(zone).toInstant(), end,
                    start.plus(Duration.ofDays(10)), start.minus(Duration.ofDays(1)), end.minus(Duration.ofDays(2)));
        }

        /**
         * Offsets built from the trigger's windows (thrice as likely), the lateness and calendar lengths, exact and
         * ±1 s; an event's time adds one and takes away another (often zero).
         */
        private static List<Duration> offsets(Trigger trigger, Duration lateness) {
            Set<Duration> windows = new LinkedHashSet<>();
            windows(trigger, windows);
            Set<Duration> others = new LinkedHashSet<>(List.of(lateness, Duration.ofHours(1), Duration.ofDays(1)));
            others.removeAll(windows);
            others.remove(Duration.ZERO);
            List<Duration> offsets = new ArrayList<>(List.of(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                    Duration.ofHours(23), Duration.ofHours(25)));
            for (int weight = 0; weight < 3; weight++) {
                for (Duration window : windows) {
                    offsets.addAll(List.of(window, window.plusSeconds(1), window.minusSeconds(1)));
                }
            }
            for (Duration length : others) {
                offsets.addAll(List.of(length, length.plusSeconds(1), length.minusSeconds(1)));
            }
            return offsets;
        }

        private static void windows(Trigger trigger, Set<Duration> into) {
            if (trigger instanceof CountTrigger count && count.within() != null) {
                into.add(count.within());
            } else if (trigger instanceof SumTrigger sum && sum.within() != null) {
                into.add(sum.within());
            } else if (trigger instanceof DaysTrigger days && days.within() != null) {
                into.add(days.within());
            } else if (trigger instanceof SequenceTrigger sequence) {
                into.add(sequence.within());
            } else if (trigger instanceof AllTrigger all) {
                all.of().forEach(child -> windows(child, into));
            } else if (trigger instanceof AnyTrigger any) {
                any.of().forEach(child -> windows(child, into));
            } else if (trigger instanceof ReferralTrigger referral) {
                windows(referral.of(), into);
            }
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            text.append("\n  trigger:  ").append(trigger)
                    .append("\n  schedule: ").append(schedule.startsAt()).append(" .. ")
                    .append(schedule.endsAt() == null ? "(no end)" : schedule.endsAt())
                    .append(" in ").append(schedule.timezone())
                    .append("\n  lateness: ").append(lateness)
                    .append("\n  arrivals (").append(arrivals.size()).append("):");
            for (int i = 0; i < arrivals.size(); i++) {
                UserEvent event = arrivals.get(i);
                text.append("\n    [").append(i).append("] ").append(event.id()).append(' ').append(event.type())
                        .append(" at ").append(event.occurredAt())
                        .append(" (local ").append(event.occurredAt().atZone(schedule.timezone()).toLocalDateTime())
                        .append(")");
                Object v = event.properties().get("v");
                text.append(v == null ? " v missing" : " v=" + v);
            }
            return text.append('\n').toString();
        }
    }
}
