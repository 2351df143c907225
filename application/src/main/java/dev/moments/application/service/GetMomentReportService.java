package dev.moments.application.service;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.ReportFigures;
import dev.moments.application.port.out.ReportFigures.Arm;
import dev.moments.application.port.out.ReportFigures.Figures;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.Variant;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.report.Interval;
import dev.moments.domain.report.Means;
import dev.moments.domain.report.Proportions;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A moment's report: the figures its events left behind ({@link ReportFigures}), turned into rates, the lift with
 * Newcombe's hybrid score interval, the cost per incremental action, the outcomes per arm with Welch's interval for
 * the revenue, and the guardrail. The formulas are those of {@code docs/measuring.md}.
 */
public final class GetMomentReportService implements GetMomentReportQuery {

    /**
     * The users each arm needs before a lift whose interval still covers zero is flagged: below it, "not yet
     * significant" is the expected state of a young moment, not a finding.
     */
    public static final int MIN_SAMPLE = 100;

    private final MomentRepository moments;
    private final PartnerRepository partners;
    private final ReportFigures figures;
    private final Clock clock;

    public GetMomentReportService(MomentRepository moments, PartnerRepository partners, ReportFigures figures,
                                  Clock clock) {
        this.moments = moments;
        this.partners = partners;
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public Report report(PartnerId partnerId, MomentId momentId, LocalDate from, LocalDate to) {
        Moment moment = moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
        return report(moment, currency(partnerId), from, to, true);
    }

    @Override
    public Page<Report> reportAll(PartnerId partnerId, LocalDate from, LocalDate to, PageRequest page) {
        Currency currency = currency(partnerId);
        return moments.list(partnerId, page).map(moment -> report(moment, currency, from, to, false));
    }

    private Currency currency(PartnerId partnerId) {
        return partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId)).currency();
    }

    private Report report(Moment moment, Currency currency, LocalDate from, LocalDate to, boolean daily) {
        Instant now = clock.now();
        ZoneId zone = moment.schedule().timezone();
        LocalDate last = to != null ? to : now.atZone(zone).toLocalDate();
        LocalDate created = moment.createdAt().atZone(zone).toLocalDate();
        LocalDate first = from != null ? from : created.isAfter(last) ? last : created;
        within("from", first);
        within("to", last);
        if (first.isAfter(last)) {
            throw new InvalidValueException("from", "from (" + first + ") lies after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidValueException("to", "a report covers at most " + MAX_DAYS + " days");
        }
        Figures read = figures.read(moment.partnerId(), moment.id(),
                new ReportFigures.Period(first, last, zone, now), daily);
        return compute(moment, currency, first, last, read);
    }

    private static void within(String field, LocalDate day) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new InvalidValueException(field, field + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
        }
    }

    /** The report of {@code figures}: every formula of the report, and nothing read. */
    static Report compute(Moment moment, Currency currency, LocalDate first, LocalDate last, Figures figures) {
        Money spend = money(figures.spend(), currency);
        Money reserved = money(figures.reserved(), currency);
        BigDecimal committed = spend.amount().add(reserved.amount());
        Money effectiveCpa = figures.awards() == 0 ? null
                : divide(committed, BigDecimal.valueOf(figures.awards()), currency);
        Arm t = figures.treatment();
        Arm c = figures.control();
        Funnel funnel = new Funnel(t.users() + c.users(), t.progressed() + c.progressed(),
                t.completed() + c.completed(), t.awarded() + c.awarded(), t.claimed() + c.claimed(),
                t.fulfilled() + c.fulfilled());
        Holdout holdout = holdout(t, c, committed, currency);
        Outcomes outcomes = new Outcomes(rates(t.maturedD7(), t.retainedD7(), c.maturedD7(), c.retainedD7()),
                rates(t.maturedD30(), t.retainedD30(), c.maturedD30(), c.retainedD30()),
                moment.outcomes().followsRevenue() ? arpu(t, c, currency) : null);
        Guardrail guardrail = guardrail(moment.expectedValuePerAction(), holdout, committed);
        List<Day> daily = figures.daily().stream()
                .map(day -> new Day(day.date(), day.completions(), day.awards(), money(day.spend(), currency)))
                .toList();
        return new Report(moment.id(), moment.name(), moment.status(), first, last, figures.completions(),
                figures.awards(), figures.claimed(), figures.fulfilled(), figures.expired(), spend, reserved,
                effectiveCpa, funnel, holdout, outcomes, guardrail, daily, variants(moment, figures, currency));
    }

    /**
     * Each variant against the one control arm, as the holdout block computes the moment's treatment arm: the
     * moment's variants in their order (those without users too), then any an edit removed that still has users.
     */
    private static List<VariantReport> variants(Moment moment, Figures figures, Currency currency) {
        List<String> names = new ArrayList<>(moment.variants().stream().map(Variant::name).toList());
        figures.variants().keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(names::add);
        List<VariantReport> reports = new ArrayList<>();
        for (String name : names) {
            ReportFigures.VariantFigures variant = figures.variants().getOrDefault(name,
                    new ReportFigures.VariantFigures(Arm.EMPTY, BigDecimal.ZERO, BigDecimal.ZERO));
            Money spend = money(variant.spend(), currency);
            Money reserved = money(variant.reserved(), currency);
            reports.add(new VariantReport(name, holdout(variant.arm(), figures.control(),
                    spend.amount().add(reserved.amount()), currency), spend, reserved));
        }
        return reports;
    }

    private static Holdout holdout(Arm t, Arm c, BigDecimal committed, Currency currency) {
        double treatmentRate = rate(t.completed(), t.users());
        double controlRate = rate(c.completed(), c.users());
        Interval lift = t.users() > 0 && c.users() > 0
                ? Proportions.newcombeDifference(t.completed(), t.users(), c.completed(), c.users(), Proportions.Z_95)
                : null;
        Double relativeLift = lift != null && controlRate > 0 ? lift.estimate() / controlRate : null;
        double incremental = t.completed() - t.users() * controlRate;
        Money cost = null;
        Money lower = null;
        Money upper = null;
        if (lift != null) { // without a control arm, nothing is known of the increment
            // exactly: treatmentCompleted − treatmentUsers × controlCompleted ÷ controlUsers, as one fraction
            BigDecimal increment = BigDecimal.valueOf(t.completed()).multiply(BigDecimal.valueOf(c.users()))
                    .subtract(BigDecimal.valueOf(t.users()).multiply(BigDecimal.valueOf(c.completed())))
                    .divide(BigDecimal.valueOf(c.users()), 10, RoundingMode.HALF_EVEN);
            cost = perAction(committed, increment, currency);
            // the more the lift, the less each incremental action cost: the interval's ends swap
            lower = perAction(committed, BigDecimal.valueOf(t.users() * lift.upper()), currency);
            upper = perAction(committed, BigDecimal.valueOf(t.users() * lift.lower()), currency);
        }
        return new Holdout(t.users(), c.users(), t.completed(), c.completed(), treatmentRate, controlRate, lift,
                relativeLift, lift != null && lift.excludesZero(), incremental, cost, lower, upper);
    }

    private static Rates rates(long treatmentUsers, long treatmentRetained, long controlUsers, long controlRetained) {
        return new Rates(treatmentUsers == 0 ? null : rate(treatmentRetained, treatmentUsers),
                controlUsers == 0 ? null : rate(controlRetained, controlUsers), treatmentUsers, controlUsers);
    }

    private static Arpu arpu(Arm t, Arm c, Currency currency) {
        BigDecimal treatment = mean(t);
        BigDecimal control = mean(c);
        Interval difference = Means.welchDifference(sample(t), sample(c), 0.95);
        return new Arpu(bounded(treatment, currency), bounded(control, currency),
                bounded(treatment.subtract(control), currency),
                difference == null ? null : bounded(BigDecimal.valueOf(difference.lower()), currency),
                difference == null ? null : bounded(BigDecimal.valueOf(difference.upper()), currency));
    }

    private static BigDecimal mean(Arm arm) {
        return arm.users() == 0 ? BigDecimal.ZERO
                : arm.revenue().divide(BigDecimal.valueOf(arm.users()), 10, RoundingMode.HALF_EVEN);
    }

    /** The arm's revenue per user as a sample, its variance worked out exactly from the sums before it is a double. */
    private static Means.Sample sample(Arm arm) {
        long n = arm.users();
        if (n < 2) {
            return new Means.Sample(n, n == 0 ? 0 : arm.revenue().doubleValue(), 0);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal variance = arm.revenueSquares()
                .subtract(arm.revenue().multiply(arm.revenue()).divide(count, MathContext.DECIMAL128))
                .divide(count.subtract(BigDecimal.ONE), MathContext.DECIMAL128);
        return new Means.Sample(n, arm.revenue().divide(count, MathContext.DECIMAL128).doubleValue(),
                Math.max(0, variance.doubleValue()));
    }

    /**
     * Flags what the partner should look at: incremental actions that cost more than they are worth (or that cannot
     * be bought at all, the lift being zero or less while money was committed), and a lift whose interval still
     * covers zero once each arm has {@link #MIN_SAMPLE} users.
     */
    private static Guardrail guardrail(Money expectedValue, Holdout holdout, BigDecimal committed) {
        List<Flag> flags = new ArrayList<>();
        if (expectedValue != null && holdout.lift() != null) {
            Money cost = holdout.costPerIncrementalAction();
            boolean noIncrement = cost == null && committed.signum() > 0;
            if (noIncrement || cost != null && cost.isGreaterThan(expectedValue)) {
                flags.add(Flag.COST_ABOVE_VALUE);
            }
        }
        if (holdout.treatmentUsers() >= MIN_SAMPLE && holdout.controlUsers() >= MIN_SAMPLE
                && !holdout.significant()) {
            flags.add(Flag.LIFT_MAY_BE_ZERO);
        }
        return new Guardrail(expectedValue, flags);
    }

    /**
     * Committed money per action; {@code null} (no such cost, or an unbounded one) when the actions are not positive
     * or so few that the cost is beyond any amount.
     */
    private static Money perAction(BigDecimal committed, BigDecimal actions, Currency currency) {
        if (actions.signum() <= 0) {
            return null;
        }
        return bounded(committed.divide(actions, 10, RoundingMode.HALF_EVEN), currency);
    }

    private static double rate(long count, long of) {
        return of == 0 ? 0.0 : (double) count / of;
    }

    private static Money divide(BigDecimal amount, BigDecimal by, Currency currency) {
        return money(amount.divide(by, 10, RoundingMode.HALF_EVEN), currency);
    }

    /** {@link #money}, or {@code null} when beyond any amount (a trillion, {@link Money#MAX_AMOUNT}). */
    private static Money bounded(BigDecimal amount, Currency currency) {
        BigDecimal rounded = amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
        return rounded.abs().compareTo(Money.MAX_AMOUNT) < 0 ? new Money(rounded, currency) : null;
    }

    /** An amount rounded half up to the currency's minor unit. */
    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP),
                currency);
    }
}
