package dev.moments.adapter.web.console;

import dev.moments.adapter.web.console.ConsoleViews.AwardRow;
import dev.moments.adapter.web.console.ConsoleViews.AwardSearch;
import dev.moments.adapter.web.console.ConsoleViews.BadgeRow;
import dev.moments.adapter.web.console.ConsoleViews.BlockForm;
import dev.moments.adapter.web.console.ConsoleViews.BlockRow;
import dev.moments.adapter.web.console.ConsoleViews.DeliveryRow;
import dev.moments.adapter.web.console.ConsoleViews.Field;
import dev.moments.adapter.web.console.ConsoleViews.Frame;
import dev.moments.adapter.web.console.ConsoleViews.LedgerRow;
import dev.moments.adapter.web.console.ConsoleViews.MomentDetail;
import dev.moments.adapter.web.console.ConsoleViews.MomentFormView;
import dev.moments.adapter.web.console.ConsoleViews.MomentRow;
import dev.moments.adapter.web.console.ConsoleViews.ReportView;
import dev.moments.adapter.web.console.ConsoleViews.ReviewRow;
import dev.moments.adapter.web.console.ConsoleViews.RuleRow;
import dev.moments.adapter.web.console.ConsoleViews.UserEngagement;
import dev.moments.adapter.web.console.ConsoleViews.WebhookRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The console's pages, type-checked at build time ({@code templates/console/*.html}, one layout). */
@CheckedTemplate(basePath = "console")
final class ConsoleTemplates {

    private ConsoleTemplates() {
    }

    static native TemplateInstance signIn(Field apiKey, String notice);

    /** A page that only says something: {@code frame} is {@code null} when nobody is signed in. */
    static native TemplateInstance message(Frame frame, String heading, String lead);

    static native TemplateInstance moments(Frame frame, List<MomentRow> moments, String next);

    static native TemplateInstance moment(Frame frame, MomentDetail moment, ReportView report, String notice,
                                          Field topUp);

    static native TemplateInstance form(Frame frame, MomentFormView form);

    static native TemplateInstance awards(Frame frame, AwardSearch search, List<AwardRow> awards, String next);

    static native TemplateInstance ledger(Frame frame, String momentId, String momentName, List<LedgerRow> entries,
                                          String next);

    static native TemplateInstance webhooks(Frame frame, List<WebhookRow> webhooks);

    /** The point rules and badges, and the user looked up ({@code user} {@code null} when none was). */
    static native TemplateInstance engagement(Frame frame, List<RuleRow> rules, List<BadgeRow> badges, String userId,
                                              UserEngagement user);

    /** The awards waiting for review, oldest first, with approve and reject. */
    static native TemplateInstance reviews(Frame frame, List<ReviewRow> reviews, String next, String notice);

    /** The blocklist, the form that adds to it, and what the last action did ({@code notice}, or {@code null}). */
    static native TemplateInstance blocklist(Frame frame, List<BlockRow> blocks, String next, BlockForm form,
                                             String notice);

    static native TemplateInstance deliveries(Frame frame, WebhookRow webhook, List<DeliveryRow> deliveries,
                                              String status, String next);
}
