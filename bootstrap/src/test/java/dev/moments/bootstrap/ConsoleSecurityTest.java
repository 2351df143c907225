package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.moments.domain.shared.Digests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The partner console's security over plain HTTP, against the real application and PostgreSQL: the session cookie's
 * flags, the CSRF token on every post, sign-out, revoked keys, other partners' moments, unauthenticated requests and
 * bad keys.
 */
@QuarkusTest
class ConsoleSecurityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Map<String, Object> ORDER = Map.of("kind", "event", "event", "order.completed");

    private static String schema() {
        return ConfigProvider.getConfig().getValue("moments.schema", String.class);
    }

    /** Signs in and answers the session cookie's value. */
    private static Response signIn(String apiKey) {
        return form().formParam("apiKey", apiKey).post("/console/sign-in");
    }

    private static RequestSpecification form() {
        return given().redirects().follow(false).contentType(ContentType.URLENC);
    }

    private static String session(String apiKey) {
        Response signedIn = signIn(apiKey);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return signedIn.getCookie("moments_console");
    }

    private static String csrf(String session) {
        String page = given().redirects().follow(false).cookie("moments_console", session).get("/console/moments")
                .then().statusCode(200).extract().asString();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries the session's CSRF token").isTrue();
        return token.group(1);
    }

    private static String status(Api partner, String moment) {
        return partner.moment(moment).extract().path("status");
    }

    @Test
    void signingIn_setsAnHttpOnlyStrictSessionCookieForTheConsoleOnly_storedOnlyAsItsDigest() {
        Api partner = Api.newPartner();
        Response signedIn = signIn(partner.apiKey);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/console/moments");
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("moments_console=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/console").containsPattern("; Max-Age=4(3200|3199)(;|$)")
                .as("plain HTTP here: not Secure").doesNotContain("Secure");
        String session = signedIn.getCookie("moments_console");
        assertThat(session).hasSizeGreaterThanOrEqualTo(43);
        assertThat(signedIn.header("Cache-Control")).isEqualTo("no-store");

        assertThat(TestDatabase.number("select count(*) from " + schema() + ".console_sessions where id_digest = '"
                + Digests.sha256Hex(session) + "' and partner_id = '" + partner.partnerId + "'")).isEqualTo(1);
        assertThat(TestDatabase.number("select count(*) from " + schema() + ".console_sessions where id_digest = '"
                + session + "' or csrf_token = '" + session + "'")).as("the id itself is never stored").isZero();
        given().redirects().follow(false).cookie("moments_console", session).get("/console/moments")
                .then().statusCode(200).header("X-Frame-Options", "DENY");
    }

    @Test
    void aFormWithBrokenPercentEncoding_isA400_notA500() {
        // found by OpenApiFuzzTest: Quarkus REST's form parser throws before any page of ours is called
        for (String path : List.of("/console/reviews/awd_x/approve", "/console/sign-in", "/r/some-token")) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body("csrf=%5B%22x%").post(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        }
    }

    @Test
    void aPostWithoutTheCsrfToken_orWithAWrongOne_orFromAnotherSite_isRefusedWith403_andChangesNothing() {
        Api partner = Api.newPartner();
        String moment = partner.createMoment(ORDER, Map.of());
        String session = session(partner.apiKey);
        String csrf = csrf(session);

        Response without = form().cookie("moments_console", session).formParam("action", "launch")
                .post("/console/moments/" + moment + "/status");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.asString()).contains("Request refused");
        Response wrong = form().cookie("moments_console", session).formParam("action", "launch")
                .formParam("csrf", csrf + "x").post("/console/moments/" + moment + "/status");
        assertThat(wrong.statusCode()).isEqualTo(403);
        Response otherSessionsToken = form().cookie("moments_console", session).formParam("action", "launch")
                .formParam("csrf", csrf(session(partner.apiKey))).post("/console/moments/" + moment + "/status");
        assertThat(otherSessionsToken.statusCode()).isEqualTo(403);
        Response crossSite = form().cookie("moments_console", session).header("Sec-Fetch-Site", "cross-site")
                .formParam("action", "launch").formParam("csrf", csrf).post("/console/moments/" + moment + "/status");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        Response otherOrigin = form().cookie("moments_console", session).header("Origin", "https://evil.example")
                .formParam("action", "launch").formParam("csrf", csrf).post("/console/moments/" + moment + "/status");
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        Response topUp = form().cookie("moments_console", session).formParam("amount", "50.00")
                .post("/console/moments/" + moment + "/top-up");
        assertThat(topUp.statusCode()).isEqualTo(403);
        assertThat(status(partner, moment)).isEqualTo("DRAFT");
        partner.moment(moment).body("budget.total", org.hamcrest.Matchers.equalTo("1000.00"));

        Response genuine = form().cookie("moments_console", session).formParam("action", "launch")
                .formParam("csrf", csrf).post("/console/moments/" + moment + "/status");
        assertThat(genuine.statusCode()).isEqualTo(303);
        assertThat(status(partner, moment)).isEqualTo("LIVE");
    }

    @Test
    void signingOut_endsTheSession() {
        Api partner = Api.newPartner();
        String session = session(partner.apiKey);
        String csrf = csrf(session);

        Response refused = form().cookie("moments_console", session).post("/console/sign-out");
        assertThat(refused.statusCode()).as("sign-out is a post like any other").isEqualTo(403);
        Response signedOut = form().cookie("moments_console", session).formParam("csrf", csrf)
                .post("/console/sign-out");

        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.header("Location")).contains("/console/sign-in");
        assertThat(signedOut.header("Set-Cookie")).startsWith("moments_console=;").contains("Max-Age=0");
        given().redirects().follow(false).cookie("moments_console", session).get("/console/moments")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
        assertThat(TestDatabase.number("select count(*) from " + schema() + ".console_sessions where id_digest = '"
                + Digests.sha256Hex(session) + "'")).isZero();
    }

    @Test
    void revokingTheKey_endsItsSessions_butNotTheSessionsOfTheOtherKeys() {
        Api partner = Api.newPartner();
        Map<String, Object> issued = given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .post("/admin/v1/partners/" + partner.partnerId + "/keys")
                .then().statusCode(201).extract().jsonPath().getMap("");
        String second = (String) issued.get("apiKey");
        String withSecond = session(second);
        String withFirst = session(partner.apiKey);
        given().redirects().follow(false).cookie("moments_console", withSecond).get("/console/moments")
                .then().statusCode(200);

        given().auth().oauth2(Api.ADMIN_TOKEN).delete("/admin/v1/partners/" + partner.partnerId + "/keys/"
                + issued.get("id")).then().statusCode(org.hamcrest.Matchers.lessThan(300));

        given().redirects().follow(false).cookie("moments_console", withSecond).get("/console/moments")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
        given().redirects().follow(false).cookie("moments_console", withFirst).get("/console/moments")
                .then().statusCode(200);
        Response again = signIn(second);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.getCookie("moments_console")).isNull();
    }

    @Test
    void anotherPartnersMoment_isNotFound_andCannotBeChanged() {
        Api owner = Api.newPartner();
        String moment = owner.createMoment(ORDER, Map.of());
        Api other = Api.newPartner();
        String session = session(other.apiKey);
        String csrf = csrf(session);

        given().redirects().follow(false).cookie("moments_console", session).get("/console/moments/" + moment)
                .then().statusCode(404).contentType(org.hamcrest.Matchers.startsWith("text/html"));
        given().redirects().follow(false).cookie("moments_console", session).get("/console/moments/" + moment + "/edit")
                .then().statusCode(404);
        given().redirects().follow(false).cookie("moments_console", session)
                .get("/console/moments/" + moment + "/ledger").then().statusCode(404);
        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("action", "launch")
                .post("/console/moments/" + moment + "/status").then().statusCode(404);
        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("amount", "10.00")
                .post("/console/moments/" + moment + "/top-up").then().statusCode(404);
        given().redirects().follow(false).cookie("moments_console", session).get("/console/moments/mom_nope")
                .then().statusCode(404);
        given().redirects().follow(false).cookie("moments_console", session).get("/console/webhooks/whk_nope")
                .then().statusCode(404);
        assertThat(status(owner, moment)).isEqualTo("DRAFT");
    }

    @Test
    void withoutASession_pagesRedirectToTheSignIn_andPostsAreRefused() {
        for (String page : new String[] {"/console", "/console/moments", "/console/moments/new",
                "/console/moments/mom_x", "/console/awards", "/console/webhooks"}) {
            given().redirects().follow(false).get(page).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
            given().redirects().follow(false).cookie("moments_console", "not-a-session").get(page)
                    .then().statusCode(303);
        }
        form().formParam("action", "launch").post("/console/moments/mom_x/status").then().statusCode(401);
        form().formParam("name", "x").post("/console/moments").then().statusCode(401);
        given().get("/console/sign-in").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
    }

    @Test
    void aBadKey_showsTheSignInPageWithAnError_neverA500() {
        Response wrong = signIn("mk_this-is-not-a-key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).contains("This API key is not valid").contains("aria-invalid=\"true\"");
        assertThat(wrong.getCookie("moments_console")).isNull();
        assertThat(signIn("").statusCode()).isEqualTo(422);
        assertThat(signIn("x".repeat(1000)).statusCode()).isEqualTo(401);
        assertThat(signIn("x".repeat(5000)).statusCode()).as("past the form's attribute size").isEqualTo(413);
        assertThat(form().post("/console/sign-in").statusCode()).isEqualTo(422);
        assertThat(form().header("Sec-Fetch-Site", "cross-site").formParam("apiKey", "mk_x").post("/console/sign-in")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void badInput_getsA4xxPage_neverA500() {
        Api partner = Api.newPartner();
        String moment = partner.createMoment(ORDER, Map.of());
        String session = session(partner.apiKey);
        String csrf = csrf(session);

        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("action", "explode")
                .post("/console/moments/" + moment + "/status").then().statusCode(400);
        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("action", "pause")
                .post("/console/moments/" + moment + "/status").then().statusCode(409);
        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("amount", "-5")
                .post("/console/moments/" + moment + "/top-up").then().statusCode(422);
        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("amount", "lots")
                .post("/console/moments/" + moment + "/top-up").then().statusCode(422);
        given().redirects().follow(false).cookie("moments_console", session).queryParam("status", "BOGUS")
                .get("/console/awards").then().statusCode(400);
        given().redirects().follow(false).cookie("moments_console", session).queryParam("after", "!!")
                .get("/console/moments").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        form().cookie("moments_console", session).formParam("csrf", csrf).formParam("name", "")
                .formParam("trigger.kind", "count").formParam("trigger.atLeast", "many")
                .post("/console/moments").then().statusCode(422);
    }
}
