package dev.moments.adapter.web;

import dev.moments.adapter.web.Views.CountryOption;
import dev.moments.adapter.web.Views.DeliveryView;
import dev.moments.adapter.web.Views.ErrorLink;
import dev.moments.adapter.web.Views.FieldView;
import dev.moments.adapter.web.Views.FormView;
import dev.moments.adapter.web.Views.OptionView;
import dev.moments.adapter.web.Views.PageView;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.RedeemUseCase.Option;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.redemption.ShippingAddress;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    private static final String ASSETS = "/r-assets/";

    /** The pages, type-checked at build time ({@code templates/RedemptionPage/*.html}, one layout). */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance open(PageView page, FormView form);

        static native TemplateInstance done(PageView page, DeliveryView delivery);

        static native TemplateInstance claimed(PageView page, DeliveryView delivery);

        static native TemplateInstance message(String heading, String lead);
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
                return form(200, redemption, locale, Input.initial(locale), Map.of(), null);
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
            return page(403, Templates.message(msg.blockedTitle(), msg.blockedLead()), locale, Set.of());
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
                    Set.of()).build();
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
                        ? form(200, redemption, locale, Input.initial(locale), Map.of(), null)
                        : stateful(token, redemption, locale);
            }
            return page(200, Templates.done(pageView(redemption, locale), delivery(token, redemption, locale)),
                    locale, Set.of());
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
        return switch (redemption.state()) {
            case OPEN -> form(200, redemption, locale, Input.initial(locale), Map.of(), null);
            case NOT_YET_REDEEMABLE -> page(409, Templates.message(msg.notYetTitle(),
                    msg.notYetLead(locale.format(redemption.redeemableAt()))), locale,
                    Set.of());
            case CLAIMED -> page(409, Templates.claimed(pageView(redemption, locale),
                    redemption.delivery() == null ? null : delivery(token, redemption, locale)), locale, Set.of());
            case EXPIRED -> page(410, Templates.message(msg.expiredTitle(),
                    redemption.expiresAt() == null ? msg.expiredLeadNoDate()
                            : msg.expiredLead(locale.format(redemption.expiresAt()))), locale,
                    Set.of());
            case CANCELLED -> page(410, Templates.message(msg.cancelledTitle(), msg.cancelledLead()),
                    locale, Set.of());
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
                yield now.state() == RedeemUseCase.State.OPEN ? statusOnly(refused, locale) : stateful(token, now, locale);
            }
        };
    }

    private Redemption openOr(Redemption before, String token) {
        Redemption now = redeem.preview(token);
        return now.state() == RedeemUseCase.State.OPEN ? now : before;
    }

    /** A refusal whose link still looks open (a race with the expiry job): its page without the details. */
    private Response statusOnly(RedemptionRefusedException refused, PageLocale locale) {
        Msg msg = locale.messages();
        return switch (refused.reason()) {
            case ALREADY_CLAIMED -> page(409, Templates.message(msg.claimedTitle(), msg.claimedLead()),
                    locale, Set.of());
            case NOT_YET_REDEEMABLE -> page(409, Templates.message(msg.notYetTitle(), msg.notYetLeadNoDate()),
                    locale, Set.of());
            case CANCELLED -> page(410, Templates.message(msg.cancelledTitle(), msg.cancelledLead()),
                    locale, Set.of());
            default -> page(410, Templates.message(msg.expiredTitle(), msg.expiredLeadNoDate()),
                    locale, Set.of());
        };
    }

    private Response form(int status, Redemption redemption, PageLocale locale, Input input,
                          Map<String, String> errors, String notice) {
        Msg msg = locale.messages();
        String focus = errors.isEmpty() ? null : inputId(errors.keySet().iterator().next(), redemption);
        List<OptionView> options = new ArrayList<>();
        Set<String> imageOrigins = new LinkedHashSet<>();
        boolean anyPhysical = false;
        int index = 0;
        for (Option option : redemption.options()) {
            String inputId = "reward-" + index++;
            String image = safeImage(option.imageUrl());
            if (image != null) {
                imageOrigins.add(origin(image));
            }
            anyPhysical |= option.kind().needsShipping();
            // A reward without a picture gets the page's own, which is decorative (empty alt).
            options.add(new OptionView(option.rewardId().value(), inputId, option.name(), option.description(),
                    image == null ? ASSETS + "gift.svg" : image, image == null ? "" : option.name(),
                    option.kind().needsShipping(), option.available(), unavailableText(option, msg),
                    option.rewardId().value().equals(input.rewardId()), inputId.equals(focus)));
        }
        List<FieldView> shipping = List.of(
                field("shipping.name", msg.fieldName(), input.name(), "name", "text", null, errors, focus),
                field("shipping.line1", msg.fieldLine1(), input.line1(), "address-line1", "text", null, errors, focus),
                field("shipping.line2", msg.fieldLine2(), input.line2(), "address-line2", "text", null, errors, focus),
                field("shipping.city", msg.fieldCity(), input.city(), "address-level2", "text", null, errors, focus),
                field("shipping.region", msg.fieldRegion(), input.region(), "address-level1", "text", null, errors,
                        focus),
                field("shipping.postalCode", msg.fieldPostalCode(), input.postalCode(), "postal-code", "text", null,
                        errors, focus));
        FieldView country = field("shipping.country", msg.fieldCountry(), input.country(), "country", "select", null,
                errors, focus);
        List<CountryOption> countries = locale.countries().stream()
                .map(c -> new CountryOption(c.code(), c.name(), c.code().equalsIgnoreCase(input.country())))
                .toList();
        FieldView email = field("email", msg.fieldEmail(), input.email(), "email", "email", "email-hint", errors,
                focus);
        List<ErrorLink> summary = errors.entrySet().stream()
                .map(error -> new ErrorLink(inputId(error.getKey(), redemption), error.getValue()))
                .toList();
        FormView form = new FormView(options, errors.get("rewardId"), anyPhysical, shipping, country, countries,
                email, summary, notice);
        return page(status, Templates.open(pageView(redemption, locale), form), locale, imageOrigins);
    }

    private static FieldView field(String name, String label, String value, String autocomplete, String type,
                                   String hintId, Map<String, String> errors, String focus) {
        String id = name.replace('.', '-');
        return new FieldView(name, id, label, value == null ? "" : value, errors.get(name), autocomplete, type,
                hintId, id.equals(focus));
    }

    /** The id of the input a field path of the use case is about ({@code shipping.postalCode} → its input). */
    private static String inputId(String field, Redemption redemption) {
        if (field.equals("rewardId")) {
            for (int i = 0; i < redemption.options().size(); i++) {
                if (redemption.options().get(i).available()) {
                    return "reward-" + i;
                }
            }
            return "reward-0";
        }
        if (field.equals("shipping")) {
            return "shipping-name";
        }
        return field.replace('.', '-');
    }

    private static String unavailableText(Option option, Msg msg) {
        if (option.available()) {
            return null;
        }
        if ("NOT_IN_COUNTRY".equals(option.unavailableReason())) {
            return msg.unavailableNotInCountry();
        }
        if ("OUT_OF_CODES".equals(option.unavailableReason())) {
            return msg.unavailableOutOfCodes();
        }
        return msg.unavailable();
    }

    private static PageView pageView(Redemption redemption, PageLocale locale) {
        String announcement = redemption.announcement() == null || redemption.announcement().isBlank()
                ? locale.messages().defaultAnnouncement() : redemption.announcement();
        boolean open = redemption.state() == RedeemUseCase.State.OPEN;
        return new PageView(announcement, blankToNull(redemption.confirmation()),
                open ? locale.format(redemption.expiresAt()) : null);
    }

    private static DeliveryView delivery(String token, Redemption redemption, PageLocale locale) {
        Delivery delivery = redemption.delivery();
        return new DeliveryView(delivery.rewardName(), statusText(redemption, locale.messages()), delivery.code(),
                isFinal(redemption), delivery.claimedAt() == null ? null
                        : locale.messages().claimedOn(locale.format(delivery.claimedAt())),
                "/r/" + token + "/status");
    }

    /** Where the delivery stands, in a sentence for the user. */
    static String statusText(Redemption redemption, Msg msg) {
        Delivery delivery = redemption.delivery();
        if (delivery != null) {
            return switch (delivery.status()) {
                case PENDING -> msg.statusPending();
                case SUBMITTED -> msg.statusSubmitted();
                case FULFILLED -> msg.statusFulfilled();
                case FAILED -> msg.statusFailed();
                case CANCELLED -> msg.statusCancelled();
            };
        }
        return switch (redemption.status()) {
            case CLAIMED -> msg.statusPending();
            case FULFILLING -> msg.statusSubmitted();
            case FULFILLED -> msg.statusFulfilled();
            case FAILED -> msg.statusFailed();
            case EXPIRED -> msg.expiredTitle();
            case CANCELLED -> msg.cancelledTitle();
            case EARNED, PENDING_REVIEW -> redemption.state() == RedeemUseCase.State.NOT_YET_REDEEMABLE
                    ? msg.notYetTitle() : msg.chooseReward();
        };
    }

    /** Whether the status can still change (the page's script stops asking when it cannot). */
    static boolean isFinal(Redemption redemption) {
        if (redemption.delivery() != null && redemption.delivery().status().isFinal()) {
            return true;
        }
        AwardStatus status = redemption.status();
        return status == AwardStatus.FULFILLED || status == AwardStatus.FAILED || status == AwardStatus.EXPIRED
                || status == AwardStatus.CANCELLED;
    }

    // ---- the claim

    /** The claim the form describes, or {@code null} with the messages per field in {@code errors}. */
    private static Claim claimOf(Redemption redemption, Input input, PageLocale locale, Map<String, String> errors) {
        Msg msg = locale.messages();
        Option chosen = redemption.options().stream()
                .filter(option -> option.rewardId().value().equals(input.rewardId()))
                .findFirst().orElse(null);
        if (chosen == null) {
            errors.put("rewardId", msg.errorChooseReward());
            return null;
        }
        ShippingAddress shipping = null;
        if (chosen.kind().needsShipping()) {
            // Every missing field at once (the domain stops at the first); the domain then checks the formats.
            Map<String, String> required = new LinkedHashMap<>();
            required.put("shipping.name", input.name());
            required.put("shipping.line1", input.line1());
            required.put("shipping.city", input.city());
            required.put("shipping.postalCode", input.postalCode());
            required.put("shipping.country", input.country());
            required.forEach((field, value) -> {
                if (value == null || value.isBlank()) {
                    errors.put(field, field.equals("shipping.country") ? msg.errorCountry()
                            : msg.errorRequired(label(field, msg)));
                }
            });
            if (!errors.isEmpty()) {
                return null;
            }
            try {
                shipping = new ShippingAddress(input.name(), input.line1(), input.line2(), input.city(),
                        input.region(), input.postalCode(), input.country());
            } catch (InvalidValueException invalid) {
                errors.put(invalid.field(), fieldMessage(invalid, input, locale));
                return null;
            }
        }
        return new Claim(chosen.rewardId(), shipping, blankToNull(input.email()));
    }

    /** The user's words for a refused value (the domain's message is for developers, and in English). */
    private static String fieldMessage(InvalidValueException invalid, Input input, PageLocale locale) {
        Msg msg = locale.messages();
        String field = invalid.field() == null ? "" : invalid.field();
        return switch (field) {
            case "rewardId" -> msg.errorChooseReward();
            case "email" -> msg.errorEmail();
            case "shipping.country" -> msg.errorCountry();
            case "shipping.postalCode" -> input.postalCode() == null || input.postalCode().isBlank()
                    ? msg.errorRequired(msg.fieldPostalCode())
                    : msg.errorPostalCode(locale.countryName(upper(input.country())));
            default -> {
                String label = label(field, msg);
                yield label == null ? invalid.getMessage() : msg.errorInvalid(label);
            }
        };
    }

    private static String label(String field, Msg msg) {
        return switch (field) {
            case "shipping.name" -> msg.fieldName();
            case "shipping.line1" -> msg.fieldLine1();
            case "shipping.line2" -> msg.fieldLine2();
            case "shipping.city" -> msg.fieldCity();
            case "shipping.region" -> msg.fieldRegion();
            case "shipping.postalCode" -> msg.fieldPostalCode();
            case "shipping.country" -> msg.fieldCountry();
            case "email" -> msg.fieldEmail();
            default -> null;
        };
    }

    // ---- answers

    /** Runs one page's work; unknown links get the 404 page and anything unexpected a 500 page, never the token. */
    private Response guarded(PageLocale locale, Supplier<Response> work) {
        Msg msg = locale.messages();
        try {
            return work.get();
        } catch (NotFoundException unknown) {
            return page(404, Templates.message(msg.notFoundTitle(), msg.notFoundLead()), locale, Set.of());
        } catch (StoreUnavailableException | ConcurrentWriteException busy) {
            // the database cannot be used now, or the claim lost every race: nothing changed, try again shortly
            return Response.fromResponse(page(503, Templates.message(msg.busyTitle(), msg.busyLead()), locale,
                    Set.of())).header(HttpHeaders.RETRY_AFTER, retryAfter(busy)).build();
        } catch (RuntimeException unexpected) {
            logUnexpected(unexpected);
            return page(500, Templates.message(msg.errorTitle(), msg.errorLead()), locale, Set.of());
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

    private static Response page(int status, TemplateInstance template, PageLocale locale, Set<String> imageOrigins) {
        template.setAttribute("locale", locale.locale());
        return secured(Response.status(status).type("text/html;charset=UTF-8").entity(template.render()),
                imageOrigins)
                .header("Content-Language", locale.tag())
                .header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    /** Seconds to wait: a short while after a lost race, longer while the database cannot be reached. */
    private static String retryAfter(RuntimeException busy) {
        return busy instanceof ConcurrentWriteException ? "1" : "5";
    }

    private static Response json(int status, Map<String, ?> body) {
        return secured(Response.status(status).type("application/json;charset=UTF-8").entity(body), Set.of())
                .build();
    }

    /** The headers of every answer under {@code /r/}: the URL holds a secret and the page handles an address. */
    private static Response.ResponseBuilder secured(Response.ResponseBuilder response, Set<String> imageOrigins) {
        String images = imageOrigins.isEmpty() ? "" : " " + String.join(" ", imageOrigins);
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self'" + images + "; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                        + "frame-ancestors 'none'");
    }

    private static String doneUrl(String token) {
        return "/r/" + token + "/done";
    }

    /** An image address the page may show: absolute http(s) with a plain host; anything else is left out. */
    private static String safeImage(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || !uri.getHost().matches("[A-Za-z0-9.-]+")) {
                return null;
            }
            return uri.toString();
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }

    /** What the user typed, kept to fill the form again. */
    record Input(String rewardId, String name, String line1, String line2, String city, String region,
                 String postalCode, String country, String email) {

        static Input initial(PageLocale locale) {
            return new Input(null, null, null, null, null, null, null, locale.preferredCountry(), null);
        }

        Input withoutReward() {
            return new Input(null, name, line1, line2, city, region, postalCode, country, email);
        }
    }
}
