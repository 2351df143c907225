package dev.moments.adapter.web.console;

import dev.moments.adapter.web.console.ConsoleViews.ArmRow;
import dev.moments.adapter.web.console.ConsoleViews.DayRow;
import dev.moments.adapter.web.console.ConsoleViews.Fact;
import dev.moments.adapter.web.console.ConsoleViews.FlagView;
import dev.moments.adapter.web.console.ConsoleViews.ReportView;
import dev.moments.adapter.web.console.ConsoleViews.VariantRow;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetMomentReportQuery.Day;
import dev.moments.application.port.in.GetMomentReportQuery.Flag;
import dev.moments.application.port.in.GetMomentReportQuery.Funnel;
import dev.moments.application.port.in.GetMomentReportQuery.Holdout;
import dev.moments.application.port.in.GetMomentReportQuery.Outcomes;
import dev.moments.application.port.in.GetMomentReportQuery.Report;
import dev.moments.domain.shared.Money;
import io.quarkus.qute.RawString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a moment's report into what its page shows: headline figures, flags, the four charts and their tables. */
final class ReportViews {

    /** The most recent days the daily chart and table show. */
    static final int DAYS_SHOWN = 31;

    private ReportViews() {
    }

    /** @param holdoutPercent the moment's holdout share, to tell "no holdout" from "too few users" */
    static ReportView of(Report report, int holdoutPercent) {
        List<Fact> headline = List.of(
                new Fact("Completions", Long.toString(report.completions())),
                new Fact("Awards", Long.toString(report.awards())),
                new Fact("Claimed", Long.toString(report.claimed())),
                new Fact("Fulfilled", Long.toString(report.fulfilled())),
                new Fact("Expired", Long.toString(report.expired())),
                new Fact("Spend", money(report.spend())),
                new Fact("Reserved", money(report.reserved())),
                new Fact("Effective CPA", report.effectiveCpa() == null ? "n/a (no awards yet)"
                        : money(report.effectiveCpa())));
        List<FlagView> flags = new ArrayList<>();
        for (Flag flag : report.guardrail().flags()) {
            flags.add(switch (flag) {
                case COST_ABOVE_VALUE -> new FlagView(flag.name(), "Cost above value",
                        "An incremental action costs more than the "
                                + money(report.guardrail().expectedValuePerAction())
                                + " you said one is worth.");
                case LIFT_MAY_BE_ZERO -> new FlagView(flag.name(), "Lift may be zero",
                        "Both arms have enough users, and the lift's 95% interval still includes zero: the reward"
                                + " may not change what users do.");
            });
        }
        Funnel f = report.funnel();
        List<Fact> funnel = List.of(new Fact("Reached", Long.toString(f.reached())),
                new Fact("Progressed", Long.toString(f.progressed())),
                new Fact("Completed", Long.toString(f.completed())),
                new Fact("Awarded", Long.toString(f.awarded())),
                new Fact("Claimed", Long.toString(f.claimed())),
                new Fact("Fulfilled", Long.toString(f.fulfilled())));
        String funnelChart = Charts.funnel("chart-funnel", "Funnel",
                "Users at each step: " + facts(funnel) + ".",
                funnel.stream().map(fact -> new Charts.Bar(fact.label(), Double.parseDouble(fact.value()),
                        fact.value())).toList());

        List<Day> recent = report.daily().size() > DAYS_SHOWN
                ? report.daily().subList(report.daily().size() - DAYS_SHOWN, report.daily().size())
                : report.daily();
        List<DayRow> days = recent.stream().map(d -> new DayRow(d.date().toString(), d.completions(), d.awards(),
                money(d.spend()))).toList();
        String unit = report.spend().currency().getCurrencyCode();
        long totalCompletions = recent.stream().mapToLong(Day::completions).sum();
        String dailyChart = Charts.daily("chart-daily", "Daily completions and spend",
                recent.isEmpty() ? "No days in the period." : "From " + recent.get(0).date() + " to "
                        + recent.get(recent.size() - 1).date() + ": " + totalCompletions + " completions in all, at most "
                        + recent.stream().mapToLong(Day::completions).max().orElse(0) + " a day.",
                recent.stream().map(d -> new Charts.Point(d.date().toString().substring(5), d.completions(),
                        d.spend().amount())).toList(), unit);

        Holdout h = report.holdout();
        boolean liftKnown = h != null && h.lift() != null;
        boolean significant = liftKnown && h.significant();
        String liftSummary;
        String liftChart = "";
        List<Fact> holdout = new ArrayList<>();
        if (h == null) {
            liftSummary = "No holdout: every user is in the treatment arm, so there is no lift to measure.";
        } else {
            holdout.add(new Fact("Treatment users", Long.toString(h.treatmentUsers())));
            holdout.add(new Fact("Control users", Long.toString(h.controlUsers())));
            holdout.add(new Fact("Treatment completion rate", Charts.percent(h.treatmentRate())
                    + " (" + h.treatmentCompleted() + " users)"));
            holdout.add(new Fact("Control completion rate", Charts.percent(h.controlRate())
                    + " (" + h.controlCompleted() + " users)"));
            if (liftKnown) {
                String interval = Charts.points(h.lift().estimate()) + " (95% interval "
                        + Charts.points(h.lift().lower()) + " to " + Charts.points(h.lift().upper()) + ")";
                holdout.add(new Fact("Lift", interval));
                holdout.add(new Fact("Relative lift", h.relativeLift() == null ? "n/a (no control completions)"
                        : String.format(Locale.ROOT, "%+.1f%%", h.relativeLift() * 100)));
                holdout.add(new Fact("Incremental completions",
                        String.format(Locale.ROOT, "%.1f", h.incrementalCompletions())));
                holdout.add(new Fact("Cost per incremental action", costPerIncremental(h)));
                liftSummary = significant
                        ? "Significant lift: " + interval + " excludes zero."
                        : "Not yet significant: the lift " + interval + " still includes zero.";
                liftChart = Charts.lift("chart-lift", "Lift with its 95% interval",
                        "Treatment rate minus control rate: " + interval + (significant
                                ? "; the interval lies clear of zero." : "; the interval includes zero."),
                        h.lift().estimate(), h.lift().lower(), h.lift().upper(), significant);
            } else if (holdoutPercent == 0 && h.controlUsers() == 0) {
                liftSummary = "No holdout: every user is rewarded, so there is no lift to measure. Hold out a share"
                        + " of users to measure what the reward changes.";
            } else {
                liftSummary = "Not yet significant: both arms need users before a lift can be measured.";
            }
        }

        Outcomes o = report.outcomes();
        List<ArmRow> outcomes = new ArrayList<>();
        List<Charts.Pair> pairs = new ArrayList<>();
        if (h != null) {
            pairs.add(new Charts.Pair("Completion", h.treatmentRate(), h.controlRate(),
                    Charts.percent(h.treatmentRate()), Charts.percent(h.controlRate())));
            outcomes.add(new ArmRow("Completion rate", Charts.percent(h.treatmentRate()),
                    Charts.percent(h.controlRate())));
        }
        if (o != null) {
            rates(o.retentionD7(), "Retention D7", pairs, outcomes);
            rates(o.retentionD30(), "Retention D30", pairs, outcomes);
            if (o.arpu() != null) {
                outcomes.add(new ArmRow("ARPU", money(o.arpu().treatment()), money(o.arpu().control())));
                String difference = money(o.arpu().difference()) + (o.arpu().differenceLower() == null ? ""
                        : " (95% interval " + money(o.arpu().differenceLower()) + " to "
                                + money(o.arpu().differenceUpper()) + ")");
                outcomes.add(new ArmRow("ARPU difference", difference, ""));
            }
        }
        String outcomesChart = pairs.isEmpty() ? "" : Charts.pairs("chart-outcomes", "Treatment vs control",
                "Shares of each arm's users: " + outcomes.stream()
                        .filter(r -> !r.label().startsWith("ARPU"))
                        .map(r -> r.label() + " treatment " + r.treatment() + ", control " + r.control())
                        .reduce((a, b) -> a + "; " + b).orElse("") + ".",
                pairs, true);
        String period = report.from() + " to " + report.to();
        return new ReportView(period, headline, flags, significant, liftKnown, liftSummary,
                new RawString(funnelChart), funnel, new RawString(dailyChart), days, new RawString(liftChart), holdout,
                new RawString(outcomesChart), outcomes, report.variants().stream().map(ReportViews::variant).toList());
    }

    /** A variant against the control arm: its rate, its lift with the interval, what it cost. */
    private static VariantRow variant(GetMomentReportQuery.VariantReport variant) {
        Holdout h = variant.versusControl();
        String lift = h.lift() == null ? "n/a (no control users yet)" : Charts.points(h.lift().estimate())
                + " (95% interval " + Charts.points(h.lift().lower()) + " to " + Charts.points(h.lift().upper()) + ")";
        return new VariantRow(variant.name(), h.treatmentUsers(), h.treatmentCompleted(),
                Charts.percent(h.treatmentRate()), lift, h.lift() != null && h.significant(), money(variant.spend()),
                h.lift() == null ? "n/a" : costPerIncremental(h));
    }

    private static void rates(GetMomentReportQuery.Rates rates, String label, List<Charts.Pair> pairs,
                              List<ArmRow> rows) {
        if (rates == null) {
            return;
        }
        String treatment = rates.treatment() == null ? "n/a" : Charts.percent(rates.treatment())
                + " of " + rates.treatmentUsers();
        String control = rates.control() == null ? "n/a" : Charts.percent(rates.control())
                + " of " + rates.controlUsers();
        rows.add(new ArmRow(label, treatment, control));
        pairs.add(new Charts.Pair(label, rates.treatment(), rates.control(),
                rates.treatment() == null ? "n/a" : Charts.percent(rates.treatment()),
                rates.control() == null ? "n/a" : Charts.percent(rates.control())));
    }

    private static String costPerIncremental(Holdout h) {
        if (h.costPerIncrementalAction() == null) {
            return "n/a (no incremental completions yet)";
        }
        String lower = h.costPerIncrementalActionLower() == null ? "?" : money(h.costPerIncrementalActionLower());
        String upper = h.costPerIncrementalActionUpper() == null ? "unbounded" : money(h.costPerIncrementalActionUpper());
        return money(h.costPerIncrementalAction()) + " (95% interval " + lower + " to " + upper + ")";
    }

    private static String facts(List<Fact> facts) {
        return String.join(", ", facts.stream().map(f -> f.label() + " " + f.value()).toList());
    }

    static String money(Money money) {
        return money == null ? "n/a" : money.toDecimalString() + " " + money.currency().getCurrencyCode();
    }
}
