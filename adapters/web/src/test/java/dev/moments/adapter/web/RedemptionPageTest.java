package dev.moments.adapter.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Option;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redemption page over HTTP against a fake use case: every state, the claim form, its errors, headers, French. */
@QuarkusTest
class RedemptionPageTest {

    static final String OPEN = "open-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String LATER = "later-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String CLAIMED = "claimed-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String EXPIRED = "expired-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String CANCELLED = "cancel-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String UNKNOWN = "unknown-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Inject
    FakeRedeemUseCase redeem;

    @BeforeEach
    void links() {
        redeem.reset();
        redeem.put(OPEN, FakeRedeemUseCase.open());
        redeem.put(LATER, FakeRedeemUseCase.notYet());
        redeem.put(CLAIMED, FakeRedeemUseCase.claimed(FulfillmentStatus.FULFILLED, FakeRedeemUseCase.CODE));
        redeem.put(EXPIRED, FakeRedeemUseCase.expired());
        redeem.put(CANCELLED, FakeRedeemUseCase.cancelled());
    }

    // ---- GET /r/{token} by state

    @Test
    void anOpenLink_showsTheAnnouncementAndTheOptionsForm_withoutCosts() {
        Response page = get("/r/" + OPEN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.body().asString();
        assertThat(html).contains("<html lang=\"en\">", "You earned a reward for your second order!",
                "Choose your reward", "<form method=\"post\"", "Collectible figure",
                "A hand-painted figure, shipped to you.", "$5 gift card", "Claim by December 25, 2026");
        assertThat(html).contains("type=\"radio\" name=\"rewardId\" id=\"reward-0\" value=\"rwd_figure\"");
        assertThat(html).contains("src=\"https://images.example.com/figure.png\" alt=\"Collectible figure\"");
        assertThat(html).as("an unavailable reward is shown disabled with the reason")
                .containsPattern("value=\"rwd_soldout\"[^>]* disabled").contains("No longer available");
        assertThat(html).as("only http(s) images").doesNotContain("javascript:");
        assertThat(html).as("the shipping form, every input labelled")
                .contains("id=\"shipping\"", "Only needed for physical rewards",
                        "<label for=\"shipping-postalCode\">Postal code</label>",
                        "<label for=\"shipping-country\">Country</label>", "<label for=\"email\">Email (optional)</label>");
        assertThat(html).as("the cost is the partner's business").doesNotContain("8.00", "5.00");
        assertThat(html).contains("/r-assets/redeem.css", "/r-assets/redeem.js").doesNotContain("//cdn", "http://cdn");
    }

    @Test
    void everyPage_forbidsCachingReferrersSniffingAndForeignContent() {
        Response page = get("/r/" + OPEN);

        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "form-action 'self'",
                        "frame-ancestors 'none'", "img-src 'self' https://images.example.com")
                .doesNotContain("unsafe-inline");
        for (String token : List.of(LATER, CLAIMED, EXPIRED, UNKNOWN)) {
            Response other = get("/r/" + token);
            assertThat(other.header("Cache-Control")).as(token).isEqualTo("no-store");
            assertThat(other.header("Referrer-Policy")).as(token).isEqualTo("no-referrer");
            assertThat(other.header("Content-Security-Policy")).as(token).contains("default-src 'none'");
        }
    }

    @Test
    void aLinkNotYetRedeemable_answers409_sayingFromWhen() {
        Response page = get("/r/" + LATER);

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body().asString()).contains("Not available yet", "November 26, 2026", "9:30", "UTC")
                .doesNotContain("<form");
    }

    @Test
    void aClaimedLink_answers409_withTheDeliveryStatusAndTheCode() {
        Response page = get("/r/" + CLAIMED);

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body().asString()).contains("Already claimed", "This reward has already been claimed.",
                "You chose: $5 gift card", "Your reward has been delivered.", FakeRedeemUseCase.CODE,
                "aria-live=\"polite\"").doesNotContain("<form");
    }

    @Test
    void expiredAndCancelledLinks_answer410() {
        Response expired = get("/r/" + EXPIRED);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body().asString()).contains("This link has expired", "November 20, 2026");

        Response cancelled = get("/r/" + CANCELLED);
        assertThat(cancelled.statusCode()).isEqualTo(410);
        assertThat(cancelled.body().asString()).contains("This reward was withdrawn");
    }

    @Test
    void unknownAndMalformedLinks_answer404() {
        Response unknown = get("/r/" + UNKNOWN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body().asString()).contains("Link not found");

        assertThat(get("/r/short").statusCode()).isEqualTo(404);
        assertThat(get("/r/" + "x".repeat(300)).statusCode()).isEqualTo(404);
    }

    // ---- a partner's branding

    @Test
    void aBrandedLink_showsThePartnersNameLogoAndSupportAddress_andItsColour_allowedByItsHashAlone() throws Exception {
        redeem.put(OPEN, FakeRedeemUseCase.branded(FakeRedeemUseCase.open()));

        Response page = get("/r/" + OPEN);

        String html = page.body().asString();
        assertThat(html).contains("<title>Your reward · Acme Games</title>", "<span class=\"brand-name\">Acme Games",
                "<img class=\"brand-logo\" src=\"https://cdn.acme.example/logo.svg\"",
                "<a href=\"mailto:help@acme.example\">help@acme.example</a>");
        String style = ":root{--accent:#7A1FA2;--accent-dark:#621982}";
        assertThat(html).contains("<style>" + style + "</style>");
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.header("Content-Security-Policy"))
                .contains("style-src 'self' 'sha256-" + hash + "';",
                        "img-src 'self' https://images.example.com https://cdn.acme.example;")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void everyStateOfABrandedLink_isBranded_andTheNotYetPageSaysUntilWhen() {
        redeem.put(LATER, FakeRedeemUseCase.branded(FakeRedeemUseCase.notYet()));
        redeem.put(CLAIMED, FakeRedeemUseCase.branded(
                FakeRedeemUseCase.claimed(FulfillmentStatus.FULFILLED, FakeRedeemUseCase.CODE)));
        redeem.put(EXPIRED, FakeRedeemUseCase.branded(FakeRedeemUseCase.expired()));
        redeem.put(CANCELLED, FakeRedeemUseCase.branded(FakeRedeemUseCase.cancelled()));

        for (String token : List.of(LATER, CLAIMED, EXPIRED, CANCELLED)) {
            Response page = get("/r/" + token);
            assertThat(page.body().asString()).as(token)
                    .contains("<span class=\"brand-name\">Acme Games", "mailto:help@acme.example",
                            "<style>:root{--accent:#7A1FA2;");
            assertThat(page.header("Content-Security-Policy")).as(token).contains("'sha256-");
        }
        assertThat(get("/r/" + LATER).body().asString()).contains("Claim by December 25, 2026");
        assertThat(get("/r/" + UNKNOWN).body().asString()).as("an unknown link belongs to no partner")
                .doesNotContain("brand-name");
    }

    @Test
    void anUnbrandedLink_hasNoBrandBand_noInlineStyle_andTheServicesOwnPolicy() {
        Response page = get("/r/" + OPEN);

        assertThat(page.body().asString()).doesNotContain("class=\"brand", "<style>", "mailto:");
        assertThat(page.header("Content-Security-Policy")).contains("style-src 'self';").doesNotContain("sha256");
    }

    @Test
    void aSingleReward_isPreselected_whileSeveralAreNot() {
        redeem.put(OPEN, FakeRedeemUseCase.withOneOption(FakeRedeemUseCase.open()));
        assertThat(get("/r/" + OPEN).body().asString())
                .containsPattern("id=\"reward-0\" value=\"rwd_figure\"[^>]* checked");

        redeem.put(OPEN, FakeRedeemUseCase.open());
        assertThat(get("/r/" + OPEN).body().asString()).doesNotContainPattern("name=\"rewardId\"[^>]* checked");
    }

    // ---- POST /r/{token}: the claim

    @Test
    void aPhysicalClaim_redirectsToTheConfirmation_whichShowsTheStatus() {
        Response answer = post(OPEN, physical("10001"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/r/" + OPEN + "/done");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        Claim claim = redeem.claims().get(0);
        assertThat(claim.rewardId()).isEqualTo(FakeRedeemUseCase.FIGURE);
        assertThat(claim.shipping().name()).isEqualTo("Jane Doe");
        assertThat(claim.shipping().postalCode()).isEqualTo("10001");
        assertThat(claim.shipping().country()).isEqualTo("US");
        assertThat(claim.email()).isNull();

        Response done = get("/r/" + OPEN + "/done");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body().asString()).contains("Thank you!", "Enjoy it!", "You chose: Collectible figure",
                "We received your choice and are preparing your reward.", "aria-live=\"polite\"",
                "data-final=\"false\"", "data-status-url=\"/r/" + OPEN + "/status\"");
    }

    @Test
    void aCodeClaim_showsTheCode_onTheConfirmationAndInTheStatus() {
        Response answer = post(OPEN, Map.of("rewardId", "rwd_code", "email", "jane@example.com"));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(redeem.claims().get(0).shipping()).as("no address for a code").isNull();
        assertThat(redeem.claims().get(0).email()).isEqualTo("jane@example.com");

        assertThat(get("/r/" + OPEN + "/done").body().asString())
                .contains("Your code", FakeRedeemUseCase.CODE, "Your reward has been delivered.");
        Response status = given().accept(ContentType.JSON).get("/r/" + OPEN + "/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.header("Cache-Control")).isEqualTo("no-store");
        assertThat(status.jsonPath().getString("status")).isEqualTo("FULFILLED");
        assertThat(status.jsonPath().getString("delivery")).isEqualTo("FULFILLED");
        assertThat(status.jsonPath().getBoolean("final")).isTrue();
        assertThat(status.jsonPath().getString("code")).isEqualTo(FakeRedeemUseCase.CODE);
        assertThat(status.jsonPath().getString("message")).isEqualTo("Your reward has been delivered.");
    }

    @Test
    void theStatusOfAPendingDelivery_isNotFinal_andHasNoCode() {
        post(OPEN, physical("10001"));

        Response status = get("/r/" + OPEN + "/status");

        assertThat(status.jsonPath().getString("status")).isEqualTo("CLAIMED");
        assertThat(status.jsonPath().getBoolean("final")).isFalse();
        assertThat(status.jsonPath().getString("code")).isNull();
        assertThat(get("/r/" + UNKNOWN + "/status").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidPostalCode_reRendersTheForm422_keepingTheInput_withTheMessageNextToTheField() {
        Response page = post(OPEN, physical("ABC"));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(redeem.claims()).isEmpty();
        String html = page.body().asString();
        assertThat(html).as("the error summary links to the field")
                .contains("class=\"error-summary\"", "There is a problem",
                        "<a href=\"#shipping-postalCode\">Enter a valid postal code for United States.</a>");
        assertThat(html).as("the message next to the field, tied to it, with the focus there")
                .contains("<p id=\"shipping-postalCode-error\" class=\"field-error\">")
                .containsPattern("id=\"shipping-postalCode\"[^>]*value=\"ABC\"[^>]*aria-invalid=\"true\""
                        + "[^>]*aria-describedby=\"shipping-postalCode-error\"[^>]*autofocus");
        assertThat(html).as("the input is kept")
                .contains("value=\"Jane Doe\"", "value=\"1 Main Street\"", "value=\"US\" selected")
                .containsPattern("value=\"rwd_figure\"[^>]* checked");
        assertThat(html.indexOf("autofocus")).isEqualTo(html.lastIndexOf("autofocus"));
    }

    @Test
    void missingAddressFields_areAllNamedAtOnce() {
        Map<String, String> form = new LinkedHashMap<>(physical("10001"));
        form.put("shipping.name", " ");
        form.put("shipping.city", "");

        Response page = post(OPEN, form);

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body().asString()).contains("<a href=\"#shipping-name\">Full name is required.</a>",
                "<a href=\"#shipping-city\">City is required.</a>")
                .containsPattern("id=\"shipping-name\"[^>]*autofocus");
    }

    @Test
    void noRewardChosen_isRefused422_onTheOptions() {
        Response page = post(OPEN, Map.of("email", ""));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body().asString()).contains("<a href=\"#reward-0\">Choose a reward.</a>",
                "id=\"rewardId-error\"").containsPattern("id=\"reward-0\"[^>]*aria-invalid=\"true\"[^>]*autofocus");
    }

    @Test
    void aValueTheUseCaseRefuses_isShownNextToItsField() {
        redeem.failNextClaim(new InvalidValueException("email", "not an e-mail address"));

        Response page = post(OPEN, Map.of("rewardId", "rwd_code", "email", "jane@@example"));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body().asString()).contains("<a href=\"#email\">Enter a valid email address",
                "id=\"email-error\"", "value=\"jane@@example\"")
                .containsPattern("id=\"email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-error email-hint\"");
    }

    @Test
    void aRewardThatRanOut_reRendersTheForm409_askingForAnother() {
        Redemption dry = FakeRedeemUseCase.open();
        List<Option> options = dry.options().stream()
                .map(o -> o.rewardId().equals(FakeRedeemUseCase.GIFT_CODE)
                        ? new Option(o.rewardId(), o.name(), o.kind(), o.cost(), o.description(), o.imageUrl(), false,
                        "OUT_OF_CODES") : o)
                .toList();
        redeem.failNextClaim(new RedemptionRefusedException(Reason.OUT_OF_CODES, "no code left"), OPEN,
                new Redemption(dry.awardId(), dry.state(), dry.status(), dry.redeemableAt(), dry.expiresAt(),
                        dry.announcement(), dry.confirmation(), options, null, null));

        Response page = post(OPEN, Map.of("rewardId", "rwd_code"));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body().asString()).contains("This reward is no longer available. Please choose another one.",
                "<form method=\"post\"").containsPattern("value=\"rwd_code\"[^>]* disabled")
                .doesNotContainPattern("value=\"rwd_code\"[^>]* checked");
    }

    @Test
    void aRewardNotShippedToTheCountry_reRendersTheForm409() {
        redeem.failNextClaim(new RedemptionRefusedException(Reason.NOT_IN_COUNTRY, "not in CA"));

        Response page = post(OPEN, physical("10001"));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body().asString()).contains("This reward cannot be delivered to your country.",
                "value=\"Jane Doe\"");
    }

    @Test
    void aClaimOnALinkThatIsNoLongerOpen_showsItsPage() {
        assertThat(post(CLAIMED, Map.of("rewardId", "rwd_code")).statusCode()).isEqualTo(409);
        assertThat(post(EXPIRED, Map.of("rewardId", "rwd_code")).statusCode()).isEqualTo(410);
        assertThat(post(CANCELLED, Map.of("rewardId", "rwd_code")).statusCode()).isEqualTo(410);
        assertThat(post(LATER, Map.of("rewardId", "rwd_code")).statusCode()).isEqualTo(409);
        assertThat(post(UNKNOWN, Map.of("rewardId", "rwd_code")).statusCode()).isEqualTo(404);
        assertThat(redeem.claims()).isEmpty();
    }

    @Test
    void aClaimRefusedAsAlreadyClaimed_showsTheClaimedPage() {
        redeem.failNextClaim(new RedemptionRefusedException(Reason.ALREADY_CLAIMED, "claimed before"));

        Response page = post(OPEN, Map.of("rewardId", "rwd_code"));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body().asString()).contains("This reward has already been claimed.");
    }

    // ---- CSRF

    @Test
    void aPostFromAnotherSite_isBlocked() {
        Response fetchMetadata = form().header("Sec-Fetch-Site", "cross-site").formParams(Map.of("rewardId", "rwd_code"))
                .post("/r/" + OPEN);
        assertThat(fetchMetadata.statusCode()).isEqualTo(403);
        assertThat(fetchMetadata.body().asString()).contains("Request blocked");

        Response origin = form().header("Origin", "https://evil.example").formParams(Map.of("rewardId", "rwd_code"))
                .post("/r/" + OPEN);
        assertThat(origin.statusCode()).isEqualTo(403);
        assertThat(redeem.claims()).isEmpty();
    }

    @Test
    void aPostFromThePageItself_passes_evenWithANullOrigin() {
        assertThat(form().header("Sec-Fetch-Site", "same-origin").header("Origin", "null")
                .formParams(Map.of("rewardId", "rwd_code")).post("/r/" + OPEN).statusCode()).isEqualTo(303);
        redeem.put(OPEN, FakeRedeemUseCase.open());
        assertThat(form().header("Origin", "null").formParams(Map.of("rewardId", "rwd_code"))
                .post("/r/" + OPEN).statusCode()).isEqualTo(303);
    }

    // ---- languages

    @Test
    void aFrenchBrowser_getsTheFrenchPage() {
        Response page = given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/r/" + OPEN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Language")).isEqualTo("fr");
        assertThat(page.body().asString()).contains("<html lang=\"fr\">", "Choisissez votre récompense",
                "Adresse de livraison", "Code postal", "Obtenir ma récompense", "25 décembre 2026",
                "value=\"FR\" selected", "Allemagne");
    }

    @Test
    void frenchErrorsAndStatePages() {
        Response invalid = form().header("Accept-Language", "fr").formParams(physical("ABC")).post("/r/" + OPEN);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body().asString()).contains("Il y a un problème",
                "Saisissez un code postal valide pour États-Unis.");

        Response expired = given().header("Accept-Language", "fr").get("/r/" + EXPIRED);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body().asString()).contains("Ce lien a expiré", "20 novembre 2026");
    }

    @Test
    void anUnsupportedLanguage_fallsBackToEnglish() {
        Response page = given().header("Accept-Language", "de-DE").get("/r/" + OPEN);

        assertThat(page.body().asString()).contains("<html lang=\"en\">", "Choose your reward", "value=\"DE\" selected");
    }

    // ---- assets and failures

    @Test
    void theStyleSheetAndScript_areServedByTheApp() {
        Response css = given().get("/r-assets/redeem.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Response js = given().get("/r-assets/redeem.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.contentType()).startsWith("text/javascript");
        assertThat(given().get("/r-assets/secret.txt").statusCode()).isEqualTo(404);
        assertThat(given().get("/r-assets/..%2Fapplication.properties").statusCode()).isEqualTo(404);
    }

    @Test
    void aDatabaseOutage_answers503WithRetryAfter_onThePageAndTheStatus() {
        redeem.failPreviews(new StoreUnavailableException("no connection within 3 s", null));

        Response page = get("/r/" + OPEN);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("5");
        assertThat(page.body().asString()).contains("Busy for a moment").doesNotContain("no connection");

        Response status = get("/r/" + OPEN + "/status");
        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void anUnexpectedFailure_answers500_andNeverLogsTheToken() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            redeem.failPreviews(new IllegalStateException("database down while reading " + OPEN));

            Response page = get("/r/" + OPEN);

            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body().asString()).contains("Something went wrong").doesNotContain("database down");
        } finally {
            root.removeHandler(handler);
        }
        assertThat(records).isNotEmpty();
        for (LogRecord record : records) {
            assertThat(String.valueOf(record.getMessage())).doesNotContain(OPEN);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(OPEN);
            }
        }
    }

    // ---- helpers

    private static Map<String, String> physical(String postalCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("rewardId", "rwd_figure");
        form.put("shipping.name", "Jane Doe");
        form.put("shipping.line1", "1 Main Street");
        form.put("shipping.line2", "");
        form.put("shipping.city", "New York");
        form.put("shipping.region", "NY");
        form.put("shipping.postalCode", postalCode);
        form.put("shipping.country", "US");
        form.put("email", "");
        return form;
    }

    private static Response get(String path) {
        return given().redirects().follow(false).get(path);
    }

    private static RequestSpecification form() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .contentType(ContentType.URLENC.withCharset("UTF-8"));
    }

    private static Response post(String token, Map<String, String> fields) {
        return form().formParams(fields).post("/r/" + token);
    }
}
