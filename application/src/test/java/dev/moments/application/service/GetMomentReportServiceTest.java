package dev.moments.application.service;

import static dev.moments.application.port.in.GetMomentReportQuery.FIRST_DAY;
import static dev.moments.application.port.in.GetMomentReportQuery.LAST_DAY;
import static dev.moments.application.port.in.GetMomentReportQuery.MAX_DAYS;
import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moments.application.fixtures.FixedClock;
import dev.moments.application.fixtures.InMemoryMomentRepository;
import dev.moments.application.fixtures.InMemoryPartnerRepository;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.GetMomentReportQuery.Flag;
import dev.moments.application.port.in.GetMomentReportQuery.Report;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.ReportFigures;
import dev.moments.application.port.out.ReportFigures.Arm;
import dev.moments.application.port.out.ReportFigures.Day;
import dev.moments.application.port.out.ReportFigures.Figures;
import dev.moments.application.port.out.ReportFigures.Period;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The report's formulas on figures given by hand: every edge where a division, an interval or a flag could go wrong. */
class GetMomentReportServiceTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    private static Arm arm(long users, long completed) {
        return new Arm(users, completed, completed, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static Figures figures(String committed, long awards, Arm treatment, Arm control) {
        return new Figures(treatment.completed() + control.completed(), awards, 0, 0, 0, new BigDecimal(committed),
                BigDecimal.ZERO, treatment, control, List.of());
    }

    private static Report compute(Moment moment, Figures figures) {
        return GetMomentReportService.compute(moment, USD, DAY, DAY, figures);
    }

    @Test
    void aMomentWithoutUsersHasNoRateNoIntervalNoCostAndNoFlag() {
        Report report = compute(aMoment().expectedValuePerAction(Fixtures.usd("5.00")).build(),
                figures("0", 0, Arm.EMPTY, Arm.EMPTY));

        assertThat(report.holdout().treatmentRate()).isZero();
        assertThat(report.holdout().lift()).isNull();
        assertThat(report.holdout().relativeLift()).isNull();
        assertThat(report.holdout().significant()).isFalse();
        assertThat(report.holdout().costPerIncrementalAction()).isNull();
        assertThat(report.effectiveCpa()).isNull();
        assertThat(report.outcomes().retentionD7().treatment()).isNull();
        assertThat(report.outcomes().arpu()).isNull(); // no revenue followed
        assertThat(report.guardrail().flags()).isEmpty();
    }

    @Test
    void newcombesWorkedExampleGivesItsPublishedInterval() {
        // Newcombe 1998, table II, example (a): 56/70 against 48/80 → 0.2000 (0.0524, 0.3339)
        Report report = compute(aMoment().build(), figures("100.00", 56, arm(70, 56), arm(80, 48)));

        assertThat(report.holdout().lift().estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(report.holdout().lift().lower()).isCloseTo(0.0524, within(5e-5));
        assertThat(report.holdout().lift().upper()).isCloseTo(0.3339, within(5e-5));
        assertThat(report.holdout().significant()).isTrue();
        assertThat(report.holdout().relativeLift()).isCloseTo(0.2 / 0.6, within(1e-12));
        // 56 − 70 × 0.6 = 14 incremental completions for 100.00
        assertThat(report.holdout().incrementalCompletions()).isCloseTo(14, within(1e-9));
        assertThat(report.holdout().costPerIncrementalAction()).isEqualTo(Fixtures.usd("7.14"));
        assertThat(report.holdout().costPerIncrementalActionLower()).isEqualTo(Fixtures.usd("4.28")); // 100/(70×.33387)
        assertThat(report.holdout().costPerIncrementalActionUpper()).isEqualTo(Fixtures.usd("27.25")); // 100/(70×.05243)
        assertThat(report.effectiveCpa()).isEqualTo(Fixtures.usd("1.79"));
    }

    @Test
    void aControlArmThatNeverCompletesHasNoRelativeLiftButACost() {
        Report report = compute(aMoment().build(), figures("30.00", 3, arm(10, 3), arm(10, 0)));

        assertThat(report.holdout().relativeLift()).isNull();
        assertThat(report.holdout().costPerIncrementalAction()).isEqualTo(Fixtures.usd("10.00"));
    }

    @Test
    void noIncrementMeansNoCostPerIncrementalActionAndAFlagWhenMoneyWasCommitted() {
        Report report = compute(aMoment().expectedValuePerAction(Fixtures.usd("50.00")).build(),
                figures("30.00", 3, arm(10, 3), arm(10, 3)));

        assertThat(report.holdout().incrementalCompletions()).isZero();
        assertThat(report.holdout().costPerIncrementalAction()).isNull();
        assertThat(report.guardrail().flags()).containsExactly(Flag.COST_ABOVE_VALUE);
    }

    @Test
    void aCostBelowTheExpectedValueIsNotFlagged() {
        Report report = compute(aMoment().expectedValuePerAction(Fixtures.usd("50.00")).build(),
                figures("30.00", 3, arm(10, 3), arm(10, 0)));

        assertThat(report.guardrail().flags()).isEmpty();
        assertThat(report.guardrail().flagged()).isFalse();
    }

    @Test
    void withoutUsersInEitherArmThereIsNoLift() {
        Report noControl = compute(aMoment().build(), figures("10.00", 1, arm(10, 3), Arm.EMPTY));
        Report noTreatment = compute(aMoment().build(), figures("10.00", 1, Arm.EMPTY, arm(10, 3)));

        assertThat(noControl.holdout().lift()).isNull();
        assertThat(noControl.holdout().costPerIncrementalAction()).isNull();
        assertThat(noTreatment.holdout().lift()).isNull();
    }

    @Test
    void noIncrementWithNothingCommittedIsNotFlagged() {
        Report report = compute(aMoment().expectedValuePerAction(Fixtures.usd("50.00")).build(),
                figures("0", 0, arm(10, 3), arm(10, 3)));

        assertThat(report.holdout().costPerIncrementalAction()).isNull();
        assertThat(report.guardrail().flags()).isEmpty();
    }

    @Test
    void aLiftThatMayBeZeroIsFlaggedOnlyOnceBothArmsHaveTheMinimumSample() {
        int min = GetMomentReportService.MIN_SAMPLE;
        Report young = compute(aMoment().build(), figures("0", 0, arm(min - 1, 50), arm(min, 48)));
        Report grown = compute(aMoment().build(), figures("0", 0, arm(min, 50), arm(min, 48)));

        assertThat(young.guardrail().flags()).isEmpty();
        assertThat(grown.guardrail().flags()).containsExactly(Flag.LIFT_MAY_BE_ZERO);
    }

    @Test
    void anIncrementTooSmallToPriceIsUnboundedNotAnError() {
        // 1,000,000 − 1,000,000 × 999,999 / 1,000,000 = 1 incremental completion is fine; a billion for it is not
        Report report = compute(aMoment().build(),
                figures("999999999.00", 1, arm(1_000_000, 1_000_000), arm(1_000_000, 999_999)));
        assertThat(report.holdout().costPerIncrementalAction()).isEqualTo(Fixtures.usd("999999999.00"));

        Report tiny = compute(aMoment().build(), figures("999999999.00", 1, arm(3, 1), arm(2_000_000_000L, 666_666_666)));
        assertThat(tiny.holdout().costPerIncrementalAction()).isNull();
    }

    @Test
    void revenuePerUserOfEachArmAndWelchsIntervalForTheDifference() {
        Moment moment = aMoment().outcomes(new Outcomes(new Outcomes.Revenue(Set.of("order.completed"),
                "event.total"))).build();
        // treatment: 100, 50 and eight zeros; control: 30 and nine zeros (as in the HTTP scenario)
        Arm treatment = new Arm(10, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("150"), new BigDecimal("12500"));
        Arm control = new Arm(10, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("30"), new BigDecimal("900"));
        Report report = compute(moment, figures("0", 0, treatment, control));

        assertThat(report.outcomes().arpu().treatment()).isEqualTo(Fixtures.usd("15.00"));
        assertThat(report.outcomes().arpu().control()).isEqualTo(Fixtures.usd("3.00"));
        assertThat(report.outcomes().arpu().difference()).isEqualTo(Fixtures.usd("12.00"));
        assertThat(report.outcomes().arpu().differenceLower()).isEqualTo(Fixtures.usd("-12.57"));
        assertThat(report.outcomes().arpu().differenceUpper()).isEqualTo(Fixtures.usd("36.57"));
    }

    @Test
    void revenueBeyondAnyAmountIsUnboundedNotAnError() {
        Moment moment = aMoment().outcomes(new Outcomes(new Outcomes.Revenue(Set.of("order.completed"),
                "event.total"))).build();
        // one user at the saturated trillion; two users of 0 and 200 billion (one degree of freedom: t = 12.7)
        Arm rich = new Arm(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("1000000000000"),
                new BigDecimal("1000000000000").pow(2));
        Arm wide = new Arm(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("200000000000"),
                new BigDecimal("200000000000").pow(2));
        Arm none = new Arm(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(compute(moment, figures("0", 0, rich, none)).outcomes().arpu().treatment()).isNull();
        var arpu = compute(moment, figures("0", 0, wide, none)).outcomes().arpu();
        assertThat(arpu.treatment()).isEqualTo(Fixtures.usd("100000000000.00"));
        assertThat(arpu.differenceUpper()).isNull(); // 100 billion + 12.7 × 100 billion
    }

    @Test
    void theRevenueVarianceIsExactForLargeAndAlikeValues() {
        Moment moment = aMoment().outcomes(new Outcomes(new Outcomes.Revenue(Set.of("order.completed"),
                "event.total"))).build();
        // 1,000,000.01 and 1,000,000.03 (variance 0.0002): Σx² − n·mean² in doubles loses it entirely
        BigDecimal a = new BigDecimal("1000000.01");
        BigDecimal b = new BigDecimal("1000000.03");
        Arm treatment = new Arm(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, a.add(b), a.pow(2).add(b.pow(2)));
        Arm control = new Arm(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, a.add(a), a.pow(2).multiply(BigDecimal.valueOf(2)));
        var arpu = compute(moment, figures("0", 0, treatment, control)).outcomes().arpu();

        assertThat(arpu.difference()).isEqualTo(Fixtures.usd("0.01"));
        // standard error 0.01, one degree of freedom: 0.01 ± 12.706 × 0.01
        assertThat(arpu.differenceLower()).isEqualTo(Fixtures.usd("-0.12"));
        assertThat(arpu.differenceUpper()).isEqualTo(Fixtures.usd("0.14"));
    }

    @Test
    void retentionIsTakenOverTheUsersOldEnoughToTell() {
        Arm treatment = new Arm(10, 0, 0, 0, 0, 0, 8, 4, 2, 1, BigDecimal.ZERO, BigDecimal.ZERO);
        Report report = compute(aMoment().build(), figures("0", 0, treatment, Arm.EMPTY));

        assertThat(report.outcomes().retentionD7().treatment()).isEqualTo(0.5);
        assertThat(report.outcomes().retentionD30().treatment()).isEqualTo(0.5);
        assertThat(report.outcomes().retentionD30().treatmentUsers()).isEqualTo(2);
        assertThat(report.outcomes().retentionD7().control()).isNull();
    }

    @Test
    void theDailySeriesAndTheFunnelAddUpBothArms() {
        Figures figures = new Figures(3, 2, 1, 1, 0, new BigDecimal("12.5"), new BigDecimal("7.5"),
                new Arm(5, 4, 2, 2, 1, 1, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                new Arm(5, 3, 1, 1, 1, 1, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(new Day(DAY, 3, 2, new BigDecimal("12.5"))));
        Report report = compute(aMoment().build(), figures);

        assertThat(report.funnel().reached()).isEqualTo(10);
        assertThat(report.funnel().progressed()).isEqualTo(7);
        assertThat(report.funnel().completed()).isEqualTo(3);
        // a control user can be awarded too (a direct award): the funnel is the whole cohort's
        assertThat(report.funnel().awarded()).isEqualTo(3);
        assertThat(report.funnel().claimed()).isEqualTo(2);
        assertThat(report.funnel().fulfilled()).isEqualTo(2);
        assertThat(report.spend()).isEqualTo(Fixtures.usd("12.50"));
        assertThat(report.committed()).isEqualTo(Fixtures.usd("20.00"));
        assertThat(report.effectiveCpa()).isEqualTo(Fixtures.usd("10.00"));
        assertThat(report.daily()).singleElement().satisfies(day -> assertThat(day.spend())
                .isEqualTo(Fixtures.usd("12.50")));
    }

    /** The query: which moment, which days, which currency; the figures come from a hand-written store. */
    @Nested
    class ThroughTheQuery {

        private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
        private static final Currency EUR = Currency.getInstance("EUR");

        private final InMemoryMomentRepository moments = new InMemoryMomentRepository();
        private final InMemoryPartnerRepository partners = new InMemoryPartnerRepository();
        // 12:00 UTC is already the next day in Auckland
        private final FixedClock clock = new FixedClock(Instant.parse("2026-11-25T12:00:00Z"));
        private final List<Period> periodsRead = new ArrayList<>();
        private final List<Boolean> dailyRead = new ArrayList<>();
        private final ReportFigures figures = (partnerId, momentId, period, daily) -> {
            periodsRead.add(period);
            dailyRead.add(daily);
            return new Figures(0, 0, 0, 0, 0, new BigDecimal("12.5"), BigDecimal.ZERO, Arm.EMPTY, Arm.EMPTY,
                    List.of());
        };
        private final GetMomentReportService service = new GetMomentReportService(moments, partners, figures, clock);
        private final Moment moment = aMoment().id("mom_a")
                .schedule(new Schedule(Instant.parse("2026-11-20T12:00:00Z"), null, AUCKLAND))
                .at(Instant.parse("2026-11-20T12:00:00Z")) // the 21st in Auckland
                .build();

        @BeforeEach
        void givenAPartnerPayingInEurosWithAMoment() {
            partners.insert(new Partner(Fixtures.PARTNER, "Acme", EUR, Fixtures.NOW));
            moments.insert(moment);
        }

        private Report report(String from, String to) {
            return service.report(Fixtures.PARTNER, moment.id(), from == null ? null : LocalDate.parse(from),
                    to == null ? null : LocalDate.parse(to));
        }

        @Test
        void aReportIsInThePartnersCurrency_withItsDailySeries() {
            Report report = report("2026-11-21", "2026-11-22");

            assertThat(report.momentId()).isEqualTo(moment.id());
            assertThat(report.spend()).isEqualTo(Money.of("12.50", EUR));
            assertThat(dailyRead).containsExactly(true);
        }

        @Test
        void anUnknownMomentOrPartnerIsNotFound() {
            assertThatThrownBy(() -> service.report(Fixtures.PARTNER, new MomentId("mom_unknown"), null, null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.reportAll(new PartnerId("ptn_unknown"), null, null,
                    PageRequest.first())).isInstanceOf(NotFoundException.class);
        }

        @Test
        void withoutDays_theReportRunsFromTheMomentsCreationToToday_inItsTimeZone() {
            Report report = report(null, null);

            assertThat(report.from()).isEqualTo(LocalDate.parse("2026-11-21"));
            assertThat(report.to()).isEqualTo(LocalDate.parse("2026-11-26"));
            Period period = periodsRead.get(0);
            assertThat(period.zone()).isEqualTo(AUCKLAND);
            assertThat(period.now()).isEqualTo(clock.now());
            assertThat(period.firstDay()).isEqualTo(report.from());
            assertThat(period.lastDay()).isEqualTo(report.to());
        }

        @Test
        void theDaysAskedAreTheDaysReported() {
            Report report = report("2026-11-22", "2026-11-23");

            assertThat(report.from()).isEqualTo(LocalDate.parse("2026-11-22"));
            assertThat(report.to()).isEqualTo(LocalDate.parse("2026-11-23"));
        }

        @Test
        void withOnlyALastDayBeforeTheMomentWasCreated_theReportIsOfThatDayAlone() {
            Report report = report(null, "2026-11-10");

            assertThat(report.from()).isEqualTo(LocalDate.parse("2026-11-10"));
            assertThat(report.to()).isEqualTo(LocalDate.parse("2026-11-10"));
        }

        @Test
        void aFirstDayAfterTheLastIsRefused() {
            assertThatThrownBy(() -> report("2026-11-23", "2026-11-22")).isInstanceOf(InvalidValueException.class)
                    .extracting("field").isEqualTo("from");
        }

        @Test
        void theDaysMustLieBetweenTheFirstAndTheLastDayAReportCovers() {
            assertThat(report(FIRST_DAY.toString(), FIRST_DAY.toString()).from()).isEqualTo(FIRST_DAY);
            assertThat(report(LAST_DAY.toString(), LAST_DAY.toString()).to()).isEqualTo(LAST_DAY);

            assertThatThrownBy(() -> report(FIRST_DAY.minusDays(1).toString(), FIRST_DAY.toString()))
                    .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("from");
            assertThatThrownBy(() -> report(LAST_DAY.toString(), LAST_DAY.plusDays(1).toString()))
                    .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("to");
        }

        @Test
        void aReportCoversAtMostMaxDays() {
            LocalDate first = LocalDate.parse("2020-01-01");

            assertThat(report(first.toString(), first.plusDays(MAX_DAYS - 1).toString()).to())
                    .isEqualTo(first.plusDays(MAX_DAYS - 1));
            assertThatThrownBy(() -> report(first.toString(), first.plusDays(MAX_DAYS).toString()))
                    .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("to");
        }

        @Test
        void everyMomentOfThePartnerIsReported_pageByPage_withoutItsDailySeries() {
            moments.insert(aMoment().id("mom_b").build());
            moments.insert(aMoment().id("mom_other").partner(new PartnerId("ptn_other")).build());

            Page<Report> first = service.reportAll(Fixtures.PARTNER, null, null, new PageRequest(1, null));
            Page<Report> second = service.reportAll(Fixtures.PARTNER, null, null, new PageRequest(1, first.next()));

            assertThat(first.items()).extracting(Report::momentId).containsExactly(new MomentId("mom_a"));
            assertThat(second.items()).extracting(Report::momentId).containsExactly(new MomentId("mom_b"));
            assertThat(second.items().get(0).spend()).isEqualTo(Money.of("12.50", EUR));
            assertThat(dailyRead).containsExactly(false, false);
        }
    }
}
