package dev.moments.adapter.web;

import static dev.moments.adapter.web.ClaimForm.claimOf;
import static dev.moments.adapter.web.ClaimForm.fieldMessage;
import static dev.moments.adapter.web.DeliveryTexts.delivery;
import static dev.moments.adapter.web.DeliveryTexts.isFinal;
import static dev.moments.adapter.web.DeliveryTexts.pageView;
import static dev.moments.adapter.web.DeliveryTexts.statusText;
import static dev.moments.adapter.web.PageAnswers.json;
import static dev.moments.adapter.web.PageAnswers.page;
import static dev.moments.adapter.web.PageAnswers.retryAfter;
import static dev.moments.adapter.web.PageAnswers.secured;

import dev.moments.adapter.web.ClaimForm.Input;
import dev.moments.adapter.web.Views.BrandView;
import dev.moments.adapter.web.Views.DeliveryView;
import dev.moments.adapter.web.Views.FormView;
import dev.moments.adapter.web.Views.PageView;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.qute.CheckedTemplate;
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
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The page a user opens from a redemption link, {@code /r/{token}}: the rewards to pick from, the claim (a plain form
 * post, no JavaScript needed), the confirmation with the delivery's live status, and one clear page with the right
 * HTTP status for every link that cannot be used (not yet, already claimed, expired, withdrawn, unknown).
 *
 * <p>The token in the URL is the only secret, so: it is never logged (unexpected errors are logged with an error id
 * and without the request path), every answer says {@code Cache-Control: no-store} and {@code Referrer-Policy:
 * no-referrer}, and the content security policy allows nothing but this service (plus the hosts of the reward
 * images shown).
 *
 * <p>None of it is part of the API: every endpoint is hidden from the OpenAPI document ({@code /q/openapi}), whose
 * redemption endpoints are {@code /api/redeem/…}.
 *
 * <p>Open to anyone ({@code @PermitAll}): whoever has the link may use it, and no {@code Authorization} header is read.
 */
@PermitAll
@Path("/r/{token}")
public class RedemptionPage {

    private static final Logger LOG = Logger.getLogger(RedemptionPage.class);

    /** What a token can look like (base64url); anything else is answered "not found" without a look-up. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final int UNPROCESSABLE = 422;

    /** The pages, type-checked at build time ({@code templates/RedemptionPage/*.html}, one layout). */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance open(PageView page, FormView form, BrandView brand);

        static native TemplateInstance done(PageView page, DeliveryView delivery, BrandView brand);

        static native TemplateInstance claimed(PageView page, DeliveryView delivery, BrandView brand);

        /** A page that says one thing; {@code hint} (a line under it) and {@code brand} may be {@code null}. */
        static native TemplateInstance message(String heading, String lead, String hint, BrandView brand);
    }

    @Inject
    RedeemUseCase redeem;

    @Inject
    SameOriginPolicy sameOrigin;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response show(@RestPath String token, @Context HttpHeaders headers) {
        PageLocale locale = PageLocale.from(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return guarded(locale, () -> {
            Redemption redemption = redeem.preview(checked(token));
            if (redemption.state() == RedeemUseCase.State.OPEN) {
                return form(200, redemption, locale, Input.initial(locale, redemption), Map.of(), null);
            }
            return stateful(token, redemption, locale);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response claim(@RestPath String token, @Context HttpHeaders headers,
                          @RestForm String rewardId,
                          @RestForm("shipping.name") String name,
                          @RestForm("shipping.line1") String line1,
                          @RestForm("shipping.line2") String line2,
                          @RestForm("shipping.city") String city,
                          @RestForm("shipping.region") String region,
                          @RestForm("shipping.postalCode") String postalCode,
                          @RestForm("shipping.country") String country,
                          @RestForm String email) {
        PageLocale locale = PageLocale.from(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        if (sameOrigin.isCrossSite(headers)) {
            Msg msg = locale.messages();
            return message(403, msg.blockedTitle(), msg.blockedLead(), locale);
        }
        Input input = new Input(rewardId, name, line1, line2, city, region, postalCode, country, email);
        return guarded(locale, () -> {
            Redemption redemption = redeem.preview(checked(token));
            if (redemption.state() != RedeemUseCase.State.OPEN) {
                return stateful(token, redemption, locale);
            }
            Map<String, String> errors = new LinkedHashMap<>();
            Claim claim = claimOf(redemption, input, locale, errors);
            if (!errors.isEmpty()) {
                return form(UNPROCESSABLE, redemption, locale, input, errors, null);
            }
            try {
                redeem.claim(token, claim);
            } catch (InvalidValueException invalid) {
                errors.put(invalid.field(), fieldMessage(invalid, input, locale));
                return form(UNPROCESSABLE, redemption, locale, input, errors, null);
            } catch (RedemptionRefusedException refused) {
                return refusal(token, refused, redemption, input, locale);
            }
            return secured(Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, doneUrl(token)),
                    Set.of(), null).build();
        });
    }

    @GET
    @Path("done")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response done(@RestPath String token, @Context HttpHeaders headers) {
        PageLocale locale = PageLocale.from(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return guarded(locale, () -> {
            Redemption redemption = redeem.preview(checked(token));
            if (redemption.state() != RedeemUseCase.State.CLAIMED || redemption.delivery() == null) {
                return redemption.state() == RedeemUseCase.State.OPEN
                        ? form(200, redemption, locale, Input.initial(locale, redemption), Map.of(), null)
                        : stateful(token, redemption, locale);
            }
            BrandView brand = brandOf(redemption);
            return page(200, Templates.done(pageView(redemption, locale), delivery(token, redemption, locale), brand),
                    locale, Set.of(), brand);
        });
    }

    /** {@code {"status", "delivery", "final", "message", "code"?}} for the confirmation's script. */
    @GET
    @Path("status")
    @Operation(hidden = true)
    public Response status(@RestPath String token, @Context HttpHeaders headers) {
        PageLocale locale = PageLocale.from(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Redemption redemption;
        try {
            redemption = redeem.preview(checked(token));
        } catch (NotFoundException unknown) {
            return json(404, Map.of("status", "NOT_FOUND", "final", true));
        } catch (StoreUnavailableException | ConcurrentWriteException busy) {
            return Response.fromResponse(json(503, Map.of("status", "UNAVAILABLE", "final", false)))
                    .header(HttpHeaders.RETRY_AFTER, retryAfter(busy)).build();
        } catch (RuntimeException unexpected) {
            logUnexpected(unexpected);
            return json(503, Map.of("status", "UNAVAILABLE", "final", false));
        }
        Delivery delivery = redemption.delivery();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", redemption.status().name());
        if (delivery != null) {
            body.put("delivery", delivery.status().name());
        }
        body.put("final", isFinal(redemption));
        body.put("message", statusText(redemption, locale.messages()));
        if (delivery != null && delivery.code() != null) {
            body.put("code", delivery.code());
        }
        return json(200, body);
    }

    // ---- rendering by state

    private Response stateful(String token, Redemption redemption, PageLocale locale) {
        Msg msg = locale.messages();
        BrandView brand = brandOf(redemption);
        return switch (redemption.state()) {
            case OPEN -> form(200, redemption, locale, Input.initial(locale, redemption), Map.of(), null);
            case NOT_YET_REDEEMABLE -> redemption.status() == AwardStatus.PENDING_REVIEW
                    ? page(409, Templates.message(msg.reviewTitle(), msg.reviewLead(),
                    redemption.expiresAt() == null ? null : msg.claimBy(locale.format(redemption.expiresAt())),
                    brand), locale, Set.of(), brand)
                    : page(409, Templates.message(msg.notYetTitle(),
                    msg.notYetLead(locale.format(redemption.redeemableAt())),
                    redemption.expiresAt() == null ? null : msg.claimBy(locale.format(redemption.expiresAt())),
                    brand), locale, Set.of(), brand);
            case CLAIMED -> page(409, Templates.claimed(pageView(redemption, locale),
                    redemption.delivery() == null ? null : delivery(token, redemption, locale), brand), locale,
                    Set.of(), brand);
            case EXPIRED -> page(410, Templates.message(msg.expiredTitle(),
                    redemption.expiresAt() == null ? msg.expiredLeadNoDate()
                            : msg.expiredLead(locale.format(redemption.expiresAt())), null, brand), locale,
                    Set.of(), brand);
            case CANCELLED -> page(410, Templates.message(msg.cancelledTitle(), msg.cancelledLead(), null, brand),
                    locale, Set.of(), brand);
        };
    }

    private Response refusal(String token, RedemptionRefusedException refused, Redemption before, Input input,
                             PageLocale locale) {
        Msg msg = locale.messages();
        return switch (refused.reason()) {
            // The options again as they are now, so the reward that ran out shows as such.
            case OUT_OF_CODES -> form(409, openOr(before, token), locale, input.withoutReward(), Map.of(),
                    msg.errorOutOfCodes());
            case NOT_IN_COUNTRY -> form(409, openOr(before, token), locale, input.withoutReward(), Map.of(),
                    msg.errorNotInCountry());
            case NOT_AN_OPTION -> form(UNPROCESSABLE, before, locale, input.withoutReward(),
                    Map.of("rewardId", msg.errorChooseReward()), null);
            case ALREADY_CLAIMED, NOT_YET_REDEEMABLE, EXPIRED, CANCELLED -> {
                // The link moved on meanwhile (another tab, the expiry job): show where it stands now.
                Redemption now = redeem.preview(token);
                yield now.state() == RedeemUseCase.State.OPEN ? statusOnly(refused, now, locale)
                        : stateful(token, now, locale);
            }
        };
    }

    private Redemption openOr(Redemption before, String token) {
        Redemption now = redeem.preview(token);
        return now.state() == RedeemUseCase.State.OPEN ? now : before;
    }

    /** A refusal whose link still looks open (a race with the expiry job): its page without the details. */
    private Response statusOnly(RedemptionRefusedException refused, Redemption now, PageLocale locale) {
        Msg msg = locale.messages();
        BrandView brand = brandOf(now);
        return switch (refused.reason()) {
            case ALREADY_CLAIMED -> message(409, msg.claimedTitle(), msg.claimedLead(), locale, brand);
            case NOT_YET_REDEEMABLE -> message(409, msg.notYetTitle(), msg.notYetLeadNoDate(), locale, brand);
            case CANCELLED -> message(410, msg.cancelledTitle(), msg.cancelledLead(), locale, brand);
            default -> message(410, msg.expiredTitle(), msg.expiredLeadNoDate(), locale, brand);
        };
    }

    private Response form(int status, Redemption redemption, PageLocale locale, Input input,
                          Map<String, String> errors, String notice) {
        ClaimForm.Rendered rendered = ClaimForm.view(redemption, locale, input, errors, notice);
        BrandView brand = brandOf(redemption);
        return page(status, Templates.open(pageView(redemption, locale), rendered.form(), brand), locale,
                rendered.imageOrigins(), brand);
    }

    /** A page of one heading and one sentence, without the partner's branding (the link is not known yet). */
    private static Response message(int status, String heading, String lead, PageLocale locale) {
        return message(status, heading, lead, locale, null);
    }

    private static Response message(int status, String heading, String lead, PageLocale locale, BrandView brand) {
        return page(status, Templates.message(heading, lead, null, brand), locale, Set.of(), brand);
    }

    private static BrandView brandOf(Redemption redemption) {
        return BrandViews.of(redemption.branding());
    }

    /** Runs one page's work; unknown links get the 404 page and anything unexpected a 500 page, never the token. */
    private Response guarded(PageLocale locale, Supplier<Response> work) {
        Msg msg = locale.messages();
        try {
            return work.get();
        } catch (NotFoundException unknown) {
            return message(404, msg.notFoundTitle(), msg.notFoundLead(), locale);
        } catch (StoreUnavailableException | ConcurrentWriteException busy) {
            // the database cannot be used now, or the claim lost every race: nothing changed, try again shortly
            return Response.fromResponse(message(503, msg.busyTitle(), msg.busyLead(), locale))
                    .header(HttpHeaders.RETRY_AFTER, retryAfter(busy)).build();
        } catch (RuntimeException unexpected) {
            logUnexpected(unexpected);
            return message(500, msg.errorTitle(), msg.errorLead(), locale);
        }
    }

    private static void logUnexpected(RuntimeException unexpected) {
        String errorId = UUID.randomUUID().toString();
        // The exception goes to the log without its message (which could quote the token), with its stack trace.
        RuntimeException scrubbed = new RuntimeException(unexpected.getClass().getName());
        scrubbed.setStackTrace(unexpected.getStackTrace());
        LOG.errorf(scrubbed, "The redemption page failed (error id %s)", errorId);
    }

    private static String checked(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw new NotFoundException("redemption link", "(malformed)");
        }
        return token;
    }

    private static String doneUrl(String token) {
        return "/r/" + token + "/done";
    }
}
