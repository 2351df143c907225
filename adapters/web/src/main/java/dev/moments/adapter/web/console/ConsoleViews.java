package dev.moments.adapter.web.console;

import dev.moments.domain.award.RiskSignal;
import io.quarkus.qute.RawString;
import java.util.List;

/** What the console's templates show: values computed by the pages, so the templates hold no logic. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    /**
     * What every signed-in page shows around its content.
     *
     * @param csrf the session's token, for the forms (sign-out included)
     * @param section the navigation entry of the page: {@code moments}, {@code awards} or {@code webhooks}
     */
    record Frame(String csrf, String section, String partnerName) {

        public boolean moments() {
            return "moments".equals(section);
        }

        public boolean awards() {
            return "awards".equals(section);
        }

        public boolean webhooks() {
            return "webhooks".equals(section);
        }

        public boolean engagement() {
            return "engagement".equals(section);
        }

        public boolean blocklist() {
            return "blocklist".equals(section);
        }

        public boolean reviews() {
            return "reviews".equals(section);
        }
    }

    /** An award waiting for review, with what was noticed and, after a refused rejection, why it was refused. */
    record ReviewRow(String id, String momentId, String userId, String reserved, String earnedAt, List<RiskView> risk,
                     String error) {
    }

    /** An entry of the blocklist as listed: what it blocks ({@code value}: an id, or an address's digest). */
    record BlockRow(String id, String kind, String value, boolean digest, String reason, String createdAt) {
    }

    /** The form that adds an entry, as typed (with the field in error, if any). */
    record BlockForm(List<Choice> kinds, Field value, Field reason) {
    }

    /** A label and its value. */
    record Fact(String label, String value) {
    }

    /**
     * A budget as a bar: the share spent and the share reserved (whole percents of the total).
     *
     * @param label the figures in words, for everyone and for screen readers
     */
    record BudgetBar(int spentPercent, int reservedPercent, String label) {

        public String spentStyle() {
            return "w" + spentPercent;
        }

        public String reservedStyle() {
            return "w" + reservedPercent;
        }
    }

    /** A line of the moments list. */
    record MomentRow(String id, String name, String status, String statusClass, String trigger, BudgetBar budget) {
    }

    /** A lifecycle button of a moment: {@code action} is posted to {@code /console/moments/{id}/status}. */
    record ActionButton(String action, String label, boolean danger) {
    }

    /** A guardrail flag, said plainly. */
    record FlagView(String code, String title, String text) {
    }

    /** One day of the daily chart's table. */
    record DayRow(String date, long completions, long awards, String spend) {
    }

    /** One line of a treatment-vs-control table. */
    record ArmRow(String label, String treatment, String control) {
    }

    /**
     * A moment's report, ready to show.
     *
     * @param unavailable why there is no report (the reports are not part of this build), or {@code null}
     * @param liftSummary the lift in words, "not yet significant" when its interval covers zero
     */
    record ReportView(String period, List<Fact> headline, List<FlagView> flags,
                      boolean significant, boolean liftKnown, String liftSummary, RawString funnelChart,
                      List<Fact> funnel, RawString dailyChart, List<DayRow> days, RawString liftChart,
                      List<Fact> holdout, RawString outcomesChart, List<ArmRow> outcomes,
                      List<VariantRow> variants) {
    }

    /** One variant of a moment against its control arm, as the report's variants table shows it. */
    record VariantRow(String name, long users, long completed, String rate, String lift, boolean significant,
                      String spend, String costPerIncrementalAction) {
    }

    /** A moment's page. */
    record MomentDetail(String id, String name, String status, String statusClass, String trigger, List<Fact> facts,
                        BudgetBar budget, List<ActionButton> actions, boolean editable, String currency) {
    }

    /**
     * One input of a form, with what the user typed and the message about it.
     *
     * @param error the message next to the field, or {@code null}
     * @param hint a hint under the label, or {@code null}
     * @param pointer the expression with a caret under the error's position, or {@code null}
     * @param focus whether this is the first invalid field (it gets {@code autofocus})
     */
    record Field(String name, String id, String label, String value, String error, String hint, String pointer,
                 String type, String inputmode, boolean readonly, boolean focus) {

        /** The ids for {@code aria-describedby}: the error first, then the hint; empty when none. */
        public String describedBy() {
            String ids = (error == null ? "" : id + "-error") + (hint == null ? "" : " " + id + "-hint");
            return ids.strip();
        }

        public boolean checked() {
            return "on".equals(value);
        }
    }

    /** A choice of a select or a group of boxes. */
    record Choice(String value, String label, boolean selected) {
    }

    /** One line of the error summary, linking to the field. */
    record ErrorLink(String target, String message) {
    }

    /** The create and edit form of a moment. */
    record MomentFormView(String action, String heading, String submit, boolean editing, String currency,
                          List<ErrorLink> errors, String notice, Field name, Field kind, List<Choice> kinds,
                          Field event, Field where, Field atLeast, Field within, Field field, Field consecutive,
                          Field total, Field costPerAction, Field dailyCap, Field rewards, List<Choice> rewardChoices,
                          Field holdoutPercent, Field perUser, Field expectedValue, Field revenueEvents,
                          Field revenueValue, Field timezone, Field startsAt, Field endsAt, Field announcement) {
    }

    /** A line of the awards search. */
    record AwardRow(String id, String momentId, String userId, String status, String reserved, String earnedAt,
                    boolean test, List<RiskView> risk) {
    }

    /** A risk signal as shown: its rule, in words, and whether a limit was near. */
    record RiskView(String rule, String detail, boolean near) {

        static List<RiskView> of(List<RiskSignal> signals) {
            return signals.stream().map(signal -> new RiskView(signal.rule(), signal.detail(),
                    signal.near() || signal.rule().equals(RiskSignal.REVIEW))).toList();
        }
    }

    /** The awards search's filters as typed, and the choices of its selects. */
    record AwardSearch(String userId, String momentId, String status, List<Choice> statuses, List<Choice> moments,
                       String error) {
    }

    /** A line of a moment's ledger. */
    record LedgerRow(long sequence, String kind, String amount, String awardId, String at) {
    }

    /** A point rule in the list. */
    record RuleRow(String name, String event, String where, String points) {
    }

    /** A badge in the list: its trigger said in words. */
    record BadgeRow(String name, String trigger, String imageUrl) {
    }

    /**
     * One user's points and badges, as the look-up shows them.
     *
     * @param entries the newest ledger lines, each signed ({@code +10}, {@code -50})
     */
    record UserEngagement(String userId, long balance, List<EntryRow> entries, List<EarnedRow> badges) {
    }

    /** A line of a user's points ledger. */
    record EntryRow(String at, String points, String what) {
    }

    /** A badge a user earned. */
    record EarnedRow(String name, String earnedAt, String eventId) {
    }

    /** A webhook endpoint in the list. */
    record WebhookRow(String id, String url, String events, boolean enabled, String description) {
    }

    /** A delivery of the log, with its attempts. */
    record DeliveryRow(String id, String type, String status, int attempts, String nextAttemptAt, String createdAt,
                       List<AttemptRow> log) {
    }

    /** One attempt of a delivery. */
    record AttemptRow(String at, String statusCode, long durationMs, String error) {
    }
}
