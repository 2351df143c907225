package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.report.Interval;
import dev.moments.domain.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a moment did and what it changed: its funnel and money, the lift of its treatment arm over its control arm
 * (the holdout), what users of each arm did afterwards, and the figures day by day. See {@code docs/measuring.md} for
 * what each figure means and how it is computed.
 */
public interface GetMomentReportQuery {

    /**
     * The report of one of the partner's moments over a period of calendar days in the moment's time zone.
     *
     * @param from the first day, or {@code null} for the day the moment was created (or {@code to}, if earlier)
     * @param to the last day, or {@code null} for today
     * @throws NotFoundException if the partner has no such moment
     * @throws dev.moments.domain.shared.InvalidValueException if {@code from} lies after {@code to}, a day lies outside
     *         {@link #FIRST_DAY} … {@link #LAST_DAY}, or the period is longer than {@link #MAX_DAYS}
     */
    Report report(PartnerId partnerId, MomentId momentId, LocalDate from, LocalDate to);

    /**
     * The headline figures of the partner's moments (each report without its daily series), page by page, oldest
     * moment first as {@code GET /v1/moments} lists them.
     */
    Page<Report> reportAll(PartnerId partnerId, LocalDate from, LocalDate to, PageRequest page);

    /** The longest period a report covers, in days. */
    int MAX_DAYS = 3_660;
    /** The earliest day a report may cover, as the earliest a schedule may start. */
    LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    /** The last day a report may cover (its end, the next midnight, is still in year 9999). */
    LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    /**
     * A moment's report.
     *
     * @param completions completions of the trigger in the period, in both arms (control users complete too)
     * @param awards awards earned in the period (test awards left out)
     * @param claimed of those, the ones claimed (whatever became of the delivery)
     * @param fulfilled of those, the ones delivered
     * @param expired of those, the ones whose link expired unclaimed
     * @param spend money settled by claims in the period, less refunds of failed deliveries
     * @param reserved money still held for the period's unclaimed awards
     * @param effectiveCpa committed money (spend and reserved) per award; {@code null} without awards
     */
    record Report(MomentId momentId, String name, MomentStatus status, LocalDate from, LocalDate to,
                  long completions, long awards, long claimed, long fulfilled, long expired,
                  Money spend, Money reserved, Money effectiveCpa,
                  Funnel funnel, Holdout holdout, Outcomes outcomes, Guardrail guardrail, List<Day> daily,
                  List<VariantReport> variants) {

        public Report {
            Objects.requireNonNull(momentId, "momentId");
            daily = List.copyOf(daily);
            variants = List.copyOf(variants);
        }

        /** Committed money: settled and still reserved. */
        public Money committed() {
            return spend.plus(reserved);
        }
    }

    /**
     * Users at each step, among those who reached the moment in the period (both arms).
     *
     * @param reached users whose first reach of the moment fell in the period
     * @param progressed of those, users with at least one event that counted towards the trigger
     * @param completed of those, users who completed the trigger at least once
     * @param awarded of those, users with an award (control users never have one)
     * @param claimed of those, users who claimed an award
     * @param fulfilled of those, users whose reward was delivered
     */
    record Funnel(long reached, long progressed, long completed, long awarded, long claimed, long fulfilled) {
    }

    /**
     * The treatment arm against the control arm (the users held out), among users who reached the moment in the
     * period.
     *
     * @param lift treatmentRate − controlRate with Newcombe's hybrid score 95% interval; {@code null} while an arm is
     *             empty
     * @param relativeLift lift ÷ controlRate; {@code null} while the control rate is zero or unknown
     * @param significant whether the lift's interval excludes zero
     * @param incrementalCompletions treatmentCompleted − treatmentUsers × controlRate
     * @param costPerIncrementalAction committed money ÷ incrementalCompletions; {@code null} unless that is positive
     * @param costPerIncrementalActionLower the same from the lift's upper bound; {@code null} if that is ≤ 0
     * @param costPerIncrementalActionUpper the same from the lift's lower bound; {@code null} (unbounded) if that is
     *                                      ≤ 0
     */
    record Holdout(long treatmentUsers, long controlUsers, long treatmentCompleted, long controlCompleted,
                   double treatmentRate, double controlRate, Interval lift, Double relativeLift, boolean significant,
                   double incrementalCompletions, Money costPerIncrementalAction,
                   Money costPerIncrementalActionLower, Money costPerIncrementalActionUpper) {
    }

    /**
     * One variant of a moment against the moment's one control arm: its users' completion rate, the lift over the
     * control's with the same interval, and what its awards cost.
     *
     * @param versusControl the variant's users as the treatment arm, and its committed money (spend and reserved) as
     *                      the cost of its incremental completions
     * @param spend the money settled for the variant's awards in the period, less refunds
     * @param reserved the money still held for them
     */
    record VariantReport(String name, Holdout versusControl, Money spend, Money reserved) {
    }

    /**
     * What users of each arm did after their reach.
     *
     * @param retentionD7 share of each arm's users reached at least 7 days ago with an event 7 or more days after
     *                    their reach
     * @param retentionD30 the same for 30 days
     * @param arpu revenue per reached user, from the moment's {@code outcomes.revenue}; {@code null} when the moment
     *             defines none
     */
    record Outcomes(Rates retentionD7, Rates retentionD30, Arpu arpu) {
    }

    /**
     * A share per arm, and how many users it is taken over.
     *
     * @param treatment the treatment arm's share, or {@code null} while no user is old enough to tell
     * @param control the control arm's share, or {@code null} likewise
     */
    record Rates(Double treatment, Double control, long treatmentUsers, long controlUsers) {
    }

    /**
     * Average revenue per reached user in each arm, and their difference with its Welch 95% interval (the
     * interval {@code null} while an arm has fewer than two users or no variance; any of them {@code null} when beyond
     * any amount, a trillion).
     */
    record Arpu(Money treatment, Money control, Money difference, Money differenceLower, Money differenceUpper) {
    }

    /**
     * The partner's unit economics: a moment is flagged when an incremental action costs more than it is worth, or
     * when, past a minimum sample, its lift may still be zero.
     *
     * @param expectedValuePerAction what the partner says one incremental action is worth, or {@code null}
     * @param flags what is wrong, empty when nothing is
     */
    record Guardrail(Money expectedValuePerAction, List<Flag> flags) {

        public Guardrail {
            flags = List.copyOf(flags);
        }

        /** Whether the moment needs the partner's attention. */
        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    /** Why a moment is flagged. */
    enum Flag {
        /** The cost per incremental action exceeds the expected value per action. */
        COST_ABOVE_VALUE,
        /** Each arm has at least the minimum sample, and the lift's interval still covers zero. */
        LIFT_MAY_BE_ZERO
    }

    /** One day of the period, in the moment's time zone. */
    record Day(LocalDate date, long completions, long awards, Money spend) {
    }
}
