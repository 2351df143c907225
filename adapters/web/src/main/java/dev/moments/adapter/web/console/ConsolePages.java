package dev.moments.adapter.web.console;

import dev.moments.adapter.web.console.ConsoleViews.ActionButton;
import dev.moments.adapter.web.console.ConsoleViews.AttemptRow;
import dev.moments.adapter.web.console.ConsoleViews.AwardRow;
import dev.moments.adapter.web.console.ConsoleViews.AwardSearch;
import dev.moments.adapter.web.console.ConsoleViews.BadgeRow;
import dev.moments.adapter.web.console.ConsoleViews.BlockForm;
import dev.moments.adapter.web.console.ConsoleViews.BlockRow;
import dev.moments.adapter.web.console.ConsoleViews.BudgetBar;
import dev.moments.adapter.web.console.ConsoleViews.Choice;
import dev.moments.adapter.web.console.ConsoleViews.DeliveryRow;
import dev.moments.adapter.web.console.ConsoleViews.EarnedRow;
import dev.moments.adapter.web.console.ConsoleViews.EntryRow;
import dev.moments.adapter.web.console.ConsoleViews.Fact;
import dev.moments.adapter.web.console.ConsoleViews.Field;
import dev.moments.adapter.web.console.ConsoleViews.Frame;
import dev.moments.adapter.web.console.ConsoleViews.LedgerRow;
import dev.moments.adapter.web.console.ConsoleViews.MomentDetail;
import dev.moments.adapter.web.console.ConsoleViews.MomentRow;
import dev.moments.adapter.web.console.ConsoleViews.ReportView;
import dev.moments.adapter.web.console.ConsoleViews.ReviewRow;
import dev.moments.adapter.web.console.ConsoleViews.RiskView;
import dev.moments.adapter.web.console.ConsoleViews.RuleRow;
import dev.moments.adapter.web.console.ConsoleViews.UserEngagement;
import dev.moments.adapter.web.console.ConsoleViews.WebhookRow;
import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.AuditUseCase;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.application.port.in.BlocklistUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.ConsoleSessionUseCase;
import dev.moments.application.port.in.ConsoleSessionUseCase.ConsoleSession;
import dev.moments.application.port.in.ConsoleSessionUseCase.OpenedSession;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.application.port.in.WebhookView;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.DomainException;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The partner console, {@code /console}: sign-in with an API key, the partner's moments with their budgets, a
 * moment's report as charts, the moment form (create and edit), the lifecycle and top-up buttons, the awards search,
 * a moment's ledger, and the webhook endpoints with their delivery log. Server-rendered with Qute, plain forms, no
 * script (docs/console.md).
 *
 * <p>Open to anyone as far as JAX-RS is concerned ({@code @PermitAll}: no {@code Authorization} header is read); the
 * console's own session cookie is the credential, checked by every page here ({@link ConsoleSecurity}): without it a
 * page redirects to the sign-in, and a form post without the session's CSRF token is refused with 403. Another
 * partner's moment or endpoint is "not found", bad input a 4xx page, never a 500. Hidden from the OpenAPI document.
 */
@PermitAll
@Path("/console")
public class ConsolePages {

    private static final Logger LOG = Logger.getLogger(ConsolePages.class);
    private static final String HTML = "text/html;charset=UTF-8";
    private static final int UNPROCESSABLE = 422;
    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> NOTICES = Map.of(
            "created", "The moment was created as a draft.",
            "saved", "Your changes were saved.",
            "test", "The moment is in test mode: only test users are followed.",
            "launch", "The moment is live.",
            "pause", "The moment is paused.",
            "resume", "The moment is live again.",
            "finish", "The moment is finished.",
            "topped-up", "The budget was topped up.");

    @Inject
    ConsoleSecurity security;
    @Inject
    ConsoleSessionUseCase sessions;
    @Inject
    GetPartnerQuery partners;
    @Inject
    GetMomentQuery moments;
    @Inject
    CreateMomentUseCase create;
    @Inject
    EditMomentUseCase edit;
    @Inject
    ChangeMomentStatusUseCase lifecycle;
    @Inject
    TopUpBudgetUseCase topUps;
    @Inject
    GetRewardQuery rewards;
    @Inject
    GetAwardQuery awards;
    @Inject
    GetLedgerQuery ledgers;
    @Inject
    GetWebhookQuery webhooks;
    @Inject
    GetMomentReportQuery reports;
    @Inject
    PointsUseCase points;
    @Inject
    BadgesUseCase badges;
    @Inject
    BlocklistUseCase blocklist;
    @Inject
    ReviewAwardsUseCase reviews;
    @Inject
    AuditUseCase audit;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;
    @Context
    jakarta.ws.rs.core.Request request;

    // ---- sign-in and sign-out

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response home() {
        return redirect(security.session(headers).isPresent() ? "/console/moments" : "/console/sign-in");
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signInPage() {
        return guarded(() -> security.session(headers).isPresent() ? redirect("/console/moments")
                : page(200, ConsoleTemplates.signIn(apiKeyField(null), null)));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@RestForm String apiKey) {
        return guarded(() -> {
            if (security.crossSite(headers)) {
                return page(403, ConsoleTemplates.message(null, "Request refused",
                        "This form was sent from another site. Open the console and sign in from there."));
            }
            if (apiKey == null || apiKey.isBlank()) {
                return page(UNPROCESSABLE, ConsoleTemplates.signIn(apiKeyField("Enter your API key."), null));
            }
            Optional<OpenedSession> opened = sessions.signIn(apiKey.strip());
            if (opened.isEmpty()) {
                return page(401, ConsoleTemplates.signIn(apiKeyField(
                        "This API key is not valid: it is unknown or has been revoked."), null));
            }
            OpenedSession session = opened.get();
            return secured(Response.seeOther(java.net.URI.create("/console/moments")))
                    .header(HttpHeaders.SET_COOKIE, ConsoleSecurity.cookie(session.sessionId(),
                            session.lifetime(), uri))
                    .build();
        });
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signOut(@RestForm String csrf) {
        return signedIn("moments", csrf, (session, frame) -> {
            security.sessionId(headers).ifPresent(sessions::signOut);
            return secured(Response.seeOther(java.net.URI.create("/console/sign-in?signed-out")))
                    .header(HttpHeaders.SET_COOKIE, ConsoleSecurity.expiredCookie(uri)).build();
        });
    }

    // ---- moments

    @GET
    @Path("moments")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response momentList(@RestQuery String after) {
        return signedIn("moments", null, (session, frame) -> {
            Page<MomentView> page = moments.list(session.partnerId(), new PageRequest(PAGE_SIZE, blankToNull(after)));
            List<MomentRow> rows = page.items().stream().map(view -> new MomentRow(view.moment().id().value(),
                    view.moment().name(), view.moment().status().name(), statusClass(view.moment().status()),
                    MomentForm.describe(view.moment().trigger()), budgetBar(view))).toList();
            return page(200, ConsoleTemplates.moments(frame, rows, page.next()));
        });
    }

    @GET
    @Path("moments/new")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response newMoment() {
        return signedIn("moments", null, (session, frame) -> page(200, ConsoleTemplates.form(frame,
                FormViews.create(MomentForm.Input.blank(), Map.of(), choices(session.partnerId()),
                        currency(session.partnerId())))));
    }

    @POST
    @Path("moments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response createMoment(MultivaluedMap<String, String> form) {
        return signedIn("moments", first(form, ConsoleSecurity.CSRF_FIELD), (session, frame) -> {
            MomentForm.Input input = MomentForm.Input.of(form);
            String currency = currency(session.partnerId());
            Map<String, String> errors = new LinkedHashMap<>();
            CreateMomentCommand command = MomentForm.command(session.partnerId(), currency, input, null, errors);
            if (command != null) {
                try {
                    MomentView created = create.create(command);
                    audited(session, "create moment", created.moment().id().value(), null);
                    return redirect("/console/moments/" + created.moment().id().value() + "?done=created");
                } catch (InvalidValueException refused) {
                    errors.put(MomentForm.inputOf(refused.field()), refused.getMessage());
                }
            }
            return page(UNPROCESSABLE, ConsoleTemplates.form(frame,
                    FormViews.create(input, errors, choices(session.partnerId()), currency)));
        });
    }

    @GET
    @Path("moments/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response moment(@RestPath String id, @RestQuery String done) {
        return signedIn("moments", null, (session, frame) -> {
            MomentView view = moments.get(session.partnerId(), momentId(id));
            return page(200, ConsoleTemplates.moment(frame, detail(view), report(session.partnerId(), view),
                    done == null ? null : NOTICES.get(done), topUpField(null, "")));
        });
    }

    @GET
    @Path("moments/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response editPage(@RestPath String id) {
        return signedIn("moments", null, (session, frame) -> {
            MomentView view = moments.get(session.partnerId(), momentId(id));
            String notice = view.moment().status().isEditable() ? null
                    : "A " + view.moment().status() + " moment cannot be edited: pause it first.";
            return page(200, ConsoleTemplates.form(frame, FormViews.edit(view, MomentForm.Input.of(view), Map.of(),
                    choices(session.partnerId()), notice)));
        });
    }

    @POST
    @Path("moments/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response saveMoment(@RestPath String id, MultivaluedMap<String, String> form) {
        return signedIn("moments", first(form, ConsoleSecurity.CSRF_FIELD), (session, frame) -> {
            PartnerId partner = session.partnerId();
            MomentView current = moments.get(partner, momentId(id));
            MomentForm.Input input = MomentForm.Input.of(form);
            String currency = current.budget().total().currency().getCurrencyCode();
            Map<String, String> errors = new LinkedHashMap<>();
            CreateMomentCommand checked = MomentForm.command(partner, currency, input, current, errors);
            String notice = null;
            if (checked != null) {
                try {
                    edit.edit(partner, current.moment().id(), now -> {
                        Map<String, String> again = new LinkedHashMap<>();
                        CreateMomentCommand command = MomentForm.command(partner, currency, input, now, again);
                        if (command == null) {
                            Map.Entry<String, String> refused = again.entrySet().iterator().next();
                            throw new InvalidValueException(refused.getKey(), refused.getValue());
                        }
                        return command;
                    });
                    audited(session, "edit moment", id, null);
                    return redirect("/console/moments/" + id + "?done=saved");
                } catch (InvalidValueException refused) {
                    errors.put(MomentForm.inputOf(refused.field()), refused.getMessage());
                } catch (DomainException refused) {
                    if (refused instanceof NotFoundException) {
                        throw refused;
                    }
                    notice = refused.getMessage();
                }
            }
            return page(notice != null && errors.isEmpty() ? 409 : UNPROCESSABLE, ConsoleTemplates.form(frame,
                    FormViews.edit(current, input, errors, choices(partner), notice)));
        });
    }

    @POST
    @Path("moments/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response changeStatus(@RestPath String id, @RestForm String action, @RestForm String csrf) {
        return signedIn("moments", csrf, (session, frame) -> {
            LifecycleAction step = action(action);
            lifecycle.change(session.partnerId(), momentId(id), step);
            audited(session, step.name().toLowerCase(Locale.ROOT), id, null);
            return redirect("/console/moments/" + id + "?done=" + step.name().toLowerCase(Locale.ROOT));
        });
    }

    @POST
    @Path("moments/{id}/top-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response topUp(@RestPath String id, @RestForm String amount, @RestForm String csrf) {
        return signedIn("moments", csrf, (session, frame) -> {
            MomentView view = moments.get(session.partnerId(), momentId(id));
            String typed = amount == null ? "" : amount.strip();
            try {
                if (typed.isEmpty()) {
                    throw new InvalidValueException("amount", "Enter the amount to add, like 100.00.");
                }
                topUps.topUp(session.partnerId(), view.moment().id(), typed);
                audited(session, "top up", id, typed);
                return redirect("/console/moments/" + id + "?done=topped-up");
            } catch (InvalidValueException refused) {
                return page(UNPROCESSABLE, ConsoleTemplates.moment(frame, detail(view),
                        report(session.partnerId(), view), null, topUpField(refused.getMessage(), typed)));
            }
        });
    }

    @GET
    @Path("moments/{id}/ledger")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response ledger(@RestPath String id, @RestQuery String after) {
        return signedIn("moments", null, (session, frame) -> {
            MomentView view = moments.get(session.partnerId(), momentId(id));
            Page<LedgerEntry> page = ledgers.ledger(session.partnerId(), view.moment().id(),
                    new PageRequest(PAGE_SIZE, blankToNull(after)));
            List<LedgerRow> rows = page.items().stream().map(e -> new LedgerRow(e.sequence(), e.kind().name(),
                    ReportViews.money(e.amount()), e.awardId() == null ? "" : e.awardId().value(), when(e.at())))
                    .toList();
            return page(200, ConsoleTemplates.ledger(frame, id, view.moment().name(), rows, page.next()));
        });
    }

    // ---- awards

    @GET
    @Path("awards")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response awardSearch(@RestQuery String userId, @RestQuery String status, @RestQuery String momentId,
                                @RestQuery String after) {
        return signedIn("awards", null, (session, frame) -> {
            String user = blankToNull(userId);
            String state = blankToNull(status);
            String moment = blankToNull(momentId);
            AwardStatus awardStatus = null;
            String error = null;
            if (state != null) {
                try {
                    awardStatus = AwardStatus.valueOf(state);
                } catch (IllegalArgumentException unknown) {
                    error = "Unknown status " + state + ".";
                }
            }
            List<Choice> momentChoices = new ArrayList<>();
            momentChoices.add(new Choice("", "All moments", moment == null));
            moments.list(session.partnerId(), new PageRequest(PageRequest.MAX_LIMIT, null)).items()
                    .forEach(v -> momentChoices.add(new Choice(v.moment().id().value(), v.moment().name(),
                            v.moment().id().value().equals(moment))));
            List<Choice> statuses = new ArrayList<>();
            statuses.add(new Choice("", "Any status", awardStatus == null));
            for (AwardStatus s : AwardStatus.values()) {
                statuses.add(new Choice(s.name(), s.name(), s == awardStatus));
            }
            List<AwardRow> rows = List.of();
            String next = null;
            if (error == null) {
                Page<dev.moments.application.port.in.AwardView> page = awards.list(session.partnerId(),
                        new AwardFilter(user, moment == null ? null : new MomentId(moment), awardStatus),
                        new PageRequest(PAGE_SIZE, blankToNull(after)));
                rows = page.items().stream().map(v -> new AwardRow(v.award().id().value(),
                        v.award().momentId().value(), v.award().userId(), v.award().status().name(),
                        ReportViews.money(v.award().reserved()), when(v.award().earnedAt()), v.award().test(),
                        RiskView.of(v.award().risk()))).toList();
                next = page.next() == null ? null : "/console/awards?userId=" + query(user) + "&status="
                        + query(state) + "&momentId=" + query(moment) + "&after=" + query(page.next());
            }
            int status400 = error == null ? 200 : 400;
            return page(status400, ConsoleTemplates.awards(frame, new AwardSearch(user == null ? "" : user,
                    moment == null ? "" : moment, state == null ? "" : state, statuses, momentChoices, error), rows,
                    next));
        });
    }

    // ---- webhooks

    @GET
    @Path("webhooks")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response webhookList() {
        return signedIn("webhooks", null, (session, frame) -> {
            List<WebhookRow> rows = webhooks.list(session.partnerId(), new PageRequest(PageRequest.MAX_LIMIT, null))
                    .items().stream().map(ConsolePages::webhookRow).toList();
            return page(200, ConsoleTemplates.webhooks(frame, rows));
        });
    }

    @GET
    @Path("webhooks/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response webhook(@RestPath String id, @RestQuery String status, @RestQuery String after) {
        return signedIn("webhooks", null, (session, frame) -> {
            WebhookId webhookId = new WebhookId(id);
            String state = blankToNull(status);
            if (state != null && !List.of("PENDING", "DELIVERED", "FAILED").contains(state)) {
                throw new InvalidValueException("status", "Unknown status " + state + ".");
            }
            WebhookView endpoint = webhooks.get(session.partnerId(), webhookId);
            Page<WebhookDelivery> page = webhooks.deliveries(session.partnerId(), webhookId, state,
                    new PageRequest(PAGE_SIZE, blankToNull(after)));
            List<DeliveryRow> rows = page.items().stream().map(d -> new DeliveryRow(d.id(), d.type(),
                    d.status().name(), d.attempts(), d.nextAttemptAt() == null ? "" : when(d.nextAttemptAt()),
                    when(d.createdAt()), d.log().stream().map(a -> new AttemptRow(when(a.at()),
                            a.statusCode() == null ? "no answer" : a.statusCode().toString(), a.durationMs(),
                            a.error() == null ? "" : a.error())).toList())).toList();
            return page(200, ConsoleTemplates.deliveries(frame, webhookRow(endpoint), rows,
                    state == null ? "" : state, page.next()));
        });
    }

    // ---- points and badges

    @GET
    @Path("engagement")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response engagement(@RestQuery String userId) {
        return signedIn("engagement", null, (session, frame) -> {
            List<RuleRow> rules = points.rules(session.partnerId()).stream()
                    .map(rule -> new RuleRow(rule.name(), rule.event(), rule.where() == null ? "" : rule.where(),
                            rule.points())).toList();
            List<BadgeRow> badgeRows = badges.badges(session.partnerId()).stream()
                    .map(badge -> new BadgeRow(badge.name(), MomentForm.describe(badge.trigger()),
                            badge.imageUrl())).toList();
            String user = blankToNull(userId);
            UserEngagement found = null;
            if (user != null) {
                PointsUseCase.Points balance = points.points(session.partnerId(), user, new PageRequest(20, null));
                found = new UserEngagement(user, balance.balance(), balance.entries().items().stream()
                        .map(entry -> new EntryRow(when(entry.at()),
                                (entry.points() > 0 ? "+" : "") + entry.points(),
                                entry.reason() != null ? entry.reason() : "event " + entry.eventId())).toList(),
                        badges.earned(session.partnerId(), user).stream()
                                .map(earned -> new EarnedRow(earned.badge().name(), when(earned.earnedAt()),
                                        earned.eventId())).toList());
            }
            return page(200, ConsoleTemplates.engagement(frame, rules, badgeRows, user == null ? "" : user, found));
        });
    }

    // ---- the review queue

    @GET
    @Path("reviews")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response reviewsPage(@RestQuery String after, @RestQuery String done) {
        return signedIn("reviews", null, (session, frame) -> reviewsPage(session, frame, 200, blankToNull(after),
                done == null ? null : switch (done) {
                    case "approved" -> "Approved: the link works now, and the partner's systems were told.";
                    case "rejected" -> "Rejected: the award is cancelled and its reservation released.";
                    default -> null;
                }, null, null));
    }

    @POST
    @Path("reviews/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response approve(@RestPath String id, @RestForm String csrf) {
        return signedIn("reviews", csrf, (session, frame) -> {
            reviews.approve(session.partnerId(), new AwardId(id), session.actor());
            return redirect("/console/reviews?done=approved");
        });
    }

    @POST
    @Path("reviews/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response reject(@RestPath String id, @RestForm String reason, @RestForm String csrf) {
        return signedIn("reviews", csrf, (session, frame) -> {
            try {
                reviews.reject(session.partnerId(), new AwardId(id), reason, session.actor());
                return redirect("/console/reviews?done=rejected");
            } catch (InvalidValueException refused) {
                return reviewsPage(session, frame, UNPROCESSABLE, null, null, id, refused.getMessage());
            }
        });
    }

    private Response reviewsPage(ConsoleSession session, Frame frame, int status, String after, String notice,
                                 String failedId, String failure) {
        Page<AwardView> page = reviews.pending(session.partnerId(), new PageRequest(PAGE_SIZE, after));
        List<ReviewRow> rows = page.items().stream().map(view -> new ReviewRow(view.award().id().value(),
                view.award().momentId().value(), view.award().userId(), ReportViews.money(view.award().reserved()),
                when(view.award().earnedAt()), RiskView.of(view.award().risk()),
                view.award().id().value().equals(failedId) ? failure : null)).toList();
        return page(status, ConsoleTemplates.reviews(frame, rows, page.next(), notice));
    }

    // ---- the blocklist

    @GET
    @Path("blocklist")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response blocklistPage(@RestQuery String after, @RestQuery String done) {
        return signedIn("blocklist", null, (session, frame) -> blocklistPage(session, frame, 200,
                blankToNull(after), blockForm("user", "", "", null, null), done == null ? null : switch (done) {
                    case "blocked" -> "Blocked: their completions from now on are refused.";
                    case "unblocked" -> "Unblocked: completions from now on are decided without it.";
                    default -> null;
                }));
    }

    @POST
    @Path("blocklist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response block(@RestForm String kind, @RestForm String value, @RestForm String reason,
                          @RestForm String csrf) {
        return signedIn("blocklist", csrf, (session, frame) -> {
            String typed = value == null ? "" : value.strip();
            String why = reason == null ? "" : reason.strip();
            try {
                BlocklistUseCase.Added added = blocklist.add(session.partnerId(), kind, typed,
                        why.isEmpty() ? null : why);
                audited(session, "block", added.block().id().value(), null);
                return redirect("/console/blocklist?done=blocked");
            } catch (InvalidValueException refused) {
                return blocklistPage(session, frame, UNPROCESSABLE, null, blockForm(kind, typed, why,
                        refused.field().equals("reason") ? null : refused.getMessage(),
                        refused.field().equals("reason") ? refused.getMessage() : null), null);
            }
        });
    }

    @POST
    @Path("blocklist/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response unblock(@RestPath String id, @RestForm String csrf) {
        return signedIn("blocklist", csrf, (session, frame) -> {
            blocklist.remove(session.partnerId(), new BlockId(id));
            audited(session, "unblock", id, null);
            return redirect("/console/blocklist?done=unblocked");
        });
    }

    @POST
    @Path("blocklist/{id}/cancel-awards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response cancelBlockedAwards(@RestPath String id, @RestForm String csrf) {
        return signedIn("blocklist", csrf, (session, frame) -> {
            int cancelled = blocklist.cancelAwards(session.partnerId(), new BlockId(id));
            audited(session, "cancel a blocked one's awards", id, cancelled + " cancelled");
            return blocklistPage(session, frame, 200, null, blockForm("user", "", "", null, null),
                    cancelled == 1 ? "1 unclaimed award was cancelled; its reservation went back to the budget."
                            : cancelled + " unclaimed awards were cancelled; their reservations went back to the"
                            + " budgets.");
        });
    }

    private Response blocklistPage(ConsoleSession session, Frame frame, int status, String after, BlockForm form,
                                   String notice) {
        Page<Block> page = blocklist.list(session.partnerId(), new PageRequest(PAGE_SIZE, after));
        List<BlockRow> rows = page.items().stream().map(block -> new BlockRow(block.id().value(),
                block.kind().apiName(), block.key(), block.keyIsDigest(), block.reason() == null ? "" : block.reason(),
                when(block.createdAt()))).toList();
        return page(status, ConsoleTemplates.blocklist(frame, rows, page.next(), form, notice));
    }

    private static BlockForm blockForm(String kind, String value, String reason, String valueError,
                                       String reasonError) {
        List<Choice> kinds = new ArrayList<>();
        for (Block.Kind each : Block.Kind.values()) {
            String label = switch (each) {
                case USER -> "A user id";
                case DEVICE -> "A device id";
                case IP -> "A client address (IPv4 or IPv6)";
                case EMAIL -> "An e-mail address";
            };
            kinds.add(new Choice(each.apiName(), label, each.apiName().equals(kind)));
        }
        return new BlockForm(kinds,
                new Field("value", "block-value", "Value", value, valueError,
                        "An e-mail or client address is kept only as its SHA-256.", null, "text", null, false,
                        valueError != null),
                new Field("reason", "block-reason", "Reason (optional)", reason, reasonError, null, null, "text",
                        null, false, reasonError != null));
    }

    // ---- what the pages share

    /**
     * Writes a change made in the console to the partner's audit log, as {@code console:<key id>}, once it committed: a
     * store failing just then loses the entry (logged), not the page.
     */
    private void audited(ConsoleSession session, String what, String target, String detail) {
        try {
            audit.record(session.partnerId(), session.actor(), "console: " + what, target, detail);
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "could not write the audit entry of the console's %s of %s, which succeeded", what,
                    target);
        }
    }

    /** What a signed-in page does, given its session and frame. */
    @FunctionalInterface
    interface SignedInWork {
        Response run(ConsoleSession session, Frame frame);
    }

    /**
     * Runs a page for the signed-in partner: without a session, the sign-in page (a redirect for a GET, 401 for a
     * post); a post ({@code csrf} not {@code null} or the method not GET) without the session's token, 403.
     */
    private Response signedIn(String section, String csrf, SignedInWork work) {
        return guarded(() -> {
            Optional<ConsoleSession> session = security.session(headers);
            boolean post = !"GET".equals(request.getMethod());
            if (session.isEmpty()) {
                if (post) {
                    return secured(Response.status(401).type(HTML).entity(ConsoleTemplates.message(null,
                            "Please sign in", "Your session has ended. Sign in again to continue.").render()))
                            .build();
                }
                return redirect("/console/sign-in");
            }
            if (post && security.forged(headers, session.get(), csrf)) {
                return page(403, ConsoleTemplates.message(null, "Request refused",
                        "This form could not be checked (it is out of date, or was sent from another site). Nothing"
                                + " was changed. Go back, reload the page and try again."));
            }
            Frame frame = new Frame(session.get().csrfToken(), section,
                    partners.get(session.get().partnerId()).partner().name());
            return work.run(session.get(), frame);
        });
    }

    /** Answers every failure with a page: 404, 400, 409, 503, or 500 with an error id in the log; never a trace. */
    private Response guarded(Supplier<Response> work) {
        try {
            return work.get();
        } catch (NotFoundException unknown) {
            return page(404, ConsoleTemplates.message(null, "Not found",
                    "There is nothing here, or it belongs to another account."));
        } catch (InvalidValueException invalid) {
            return page(400, ConsoleTemplates.message(null, "That did not work", invalid.getMessage()));
        } catch (StoreUnavailableException | ConcurrentWriteException busy) {
            return Response.fromResponse(page(503, ConsoleTemplates.message(null, "Please try again",
                    "The service is busy. Nothing was changed; try again in a few seconds."))).header(
                    HttpHeaders.RETRY_AFTER, busy instanceof ConcurrentWriteException ? "1" : "5").build();
        } catch (DomainException refused) {
            return page(409, ConsoleTemplates.message(null, "That did not work", refused.getMessage()));
        } catch (RuntimeException unexpected) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(unexpected, "A console page failed (error id %s)", errorId);
            return page(500, ConsoleTemplates.message(null, "Something went wrong",
                    "The page could not be shown. Error id: " + errorId + "."));
        }
    }

    static Response page(int status, TemplateInstance template) {
        return secured(Response.status(status).type(HTML).entity(template.render())).build();
    }

    static Response redirect(String location) {
        return secured(Response.seeOther(java.net.URI.create(location))).build();
    }

    /** The headers of every console answer: never cached, never framed, no other origin's content. */
    static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }

    private ReportView report(PartnerId partner, MomentView view) {
        return ReportViews.of(reports.report(partner, view.moment().id(), null, null),
                view.moment().holdoutPercent());
    }

    private MomentDetail detail(MomentView view) {
        Moment moment = view.moment();
        Budget budget = view.budget();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Trigger", MomentForm.describe(moment.trigger())));
        facts.add(new Fact("Price per action", ReportViews.money(budget.costPerAction())));
        facts.add(new Fact("Daily cap", budget.dailyCap() == null ? "none" : ReportViews.money(budget.dailyCap())));
        facts.add(new Fact("Holdout", moment.holdoutPercent() + "% of users"));
        facts.add(new Fact("Awards per user", Integer.toString(moment.limits().perUser())));
        facts.add(new Fact("Expected value per action", moment.expectedValuePerAction() == null ? "not set"
                : ReportViews.money(moment.expectedValuePerAction())));
        facts.add(new Fact("Rewards", String.join(", ", moment.rewards().stream().map(r -> r.value()).toList())));
        if (!moment.variants().isEmpty()) {
            facts.add(new Fact("Variants", String.join("; ", moment.variants().stream().map(variant -> variant.name()
                    + ": weight " + variant.weight() + ", " + ReportViews.money(variant.costPerAction() == null
                    ? budget.costPerAction() : variant.costPerAction()) + (variant.rewards().isEmpty() ? ""
                    : ", rewards " + String.join(", ", variant.rewards().stream().map(r -> r.value()).toList())))
                    .toList())));
        }
        facts.add(new Fact("Starts", when(moment.schedule().startsAt()) + " (" + moment.schedule().timezone() + ")"));
        if (moment.outcomes().followsRevenue()) {
            facts.add(new Fact("Revenue", moment.outcomes().revenue().value() + " of "
                    + String.join(", ", moment.outcomes().revenue().events().stream().sorted().toList())));
        }
        return new MomentDetail(moment.id().value(), moment.name(), moment.status().name(),
                statusClass(moment.status()), MomentForm.describe(moment.trigger()), facts, budgetBar(view),
                actions(moment.status()), moment.status().isEditable(), budget.total().currency().getCurrencyCode());
    }

    private static List<ActionButton> actions(MomentStatus status) {
        List<ActionButton> actions = new ArrayList<>();
        switch (status) {
            case DRAFT -> {
                actions.add(new ActionButton("launch", "Launch", false));
                actions.add(new ActionButton("test", "Test with test users", false));
            }
            case TEST -> actions.add(new ActionButton("launch", "Launch", false));
            case LIVE, EXHAUSTED -> actions.add(new ActionButton("pause", "Pause", false));
            case PAUSED -> actions.add(new ActionButton("resume", "Resume", false));
            default -> {
            }
        }
        if (status != MomentStatus.FINISHED && status != MomentStatus.DRAFT) {
            actions.add(new ActionButton("finish", "Finish for good", true));
        }
        return actions;
    }

    static BudgetBar budgetBar(MomentView view) {
        Budget budget = view.budget();
        BudgetState state = view.budgetState();
        Money total = budget.total();
        int spent = percent(state.spent(), total);
        int reserved = Math.min(100 - spent, percent(state.reserved(), total));
        String label = ReportViews.money(state.spent()) + " spent, " + ReportViews.money(state.reserved())
                + " reserved, " + ReportViews.money(state.remaining()) + " left of " + ReportViews.money(total);
        return new BudgetBar(spent, reserved, label);
    }

    private static int percent(Money part, Money total) {
        if (part == null || total == null || total.amount().signum() <= 0) {
            return 0;
        }
        return part.amount().multiply(BigDecimal.valueOf(100)).divide(total.amount(), 0, RoundingMode.HALF_UP)
                .min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).intValue();
    }

    static String statusClass(MomentStatus status) {
        return "status status-" + status.name().toLowerCase(Locale.ROOT);
    }

    private List<Choice> choices(PartnerId partner) {
        return rewards.list(partner, new PageRequest(PageRequest.MAX_LIMIT, null)).items().stream()
                .map(r -> new Choice(r.id().value(), r.name() + " (" + ReportViews.money(r.cost()) + ")", false))
                .toList();
    }

    private String currency(PartnerId partner) {
        return partners.get(partner).partner().currency().getCurrencyCode();
    }

    private static Field apiKeyField(String error) {
        return new Field("apiKey", "apiKey", "API key", "", error,
                "The key you use for the API, starting with mk_. It is never shown again or stored in your browser.",
                null, "password", null, false, error != null);
    }

    private static Field topUpField(String error, String value) {
        return new Field("amount", "top-up-amount", "Amount to add", value, error, null, null, "text", "decimal",
                false, error != null);
    }

    private static WebhookRow webhookRow(WebhookView view) {
        return new WebhookRow(view.id(), view.url(), String.join(", ", view.events()), view.enabled(),
                view.description() == null ? "" : view.description());
    }

    private static LifecycleAction action(String action) {
        try {
            return LifecycleAction.valueOf(action == null ? "" : action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("action", "Unknown action.");
        }
    }

    private static MomentId momentId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new NotFoundException("moment", "(malformed)");
        }
        return new MomentId(id);
    }

    /** A query parameter's value, percent-encoded ({@code null} as empty). */
    private static String query(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        return form == null ? null : form.getFirst(name);
    }
}
