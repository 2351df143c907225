package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PUT /v1/branding} end to end: stored per partner, checked, and shown by every redemption link's answers. */
@QuarkusTest
class BrandingTest {

    private static final Map<String, Object> ACME = Map.of("displayName", "Acme Games",
            "logoUrl", "https://cdn.acme.example/logo.svg", "primaryColor", "#1a56db",
            "supportEmail", "help@acme.example");

    @Test
    void aPartnerSetsItsBranding_readsItBack_andReplacesIt() {
        Api acme = Api.newPartner();
        acme.request().get("/v1/branding").then().statusCode(404).body("type", equalTo("/problems/not-found"));

        acme.request().body(ACME).put("/v1/branding").then().statusCode(200)
                .body("displayName", equalTo("Acme Games"))
                .body("logoUrl", equalTo("https://cdn.acme.example/logo.svg"))
                .body("primaryColor", equalTo("#1A56DB"))
                .body("supportEmail", equalTo("help@acme.example"));
        acme.request().get("/v1/branding").then().statusCode(200).body("primaryColor", equalTo("#1A56DB"));

        acme.request().body(Map.of("displayName", "Acme")).put("/v1/branding").then().statusCode(200);
        acme.request().get("/v1/branding").then().statusCode(200)
                .body("displayName", equalTo("Acme"))
                .body("logoUrl", nullValue())
                .body("primaryColor", nullValue())
                .body("supportEmail", nullValue());
    }

    @Test
    void aColourWhiteTextCannotBeReadOn_isRefused422_andTheBrandingBeforeStays() {
        Api acme = Api.newPartner();
        acme.request().body(ACME).put("/v1/branding").then().statusCode(200);

        Map<String, Object> yellow = new HashMap<>(ACME);
        yellow.put("primaryColor", "#FFD700");
        acme.request().body(yellow).put("/v1/branding").then().statusCode(422)
                .body("type", equalTo("/problems/invalid-value"))
                .body("errors[0].field", equalTo("primaryColor"))
                .body("errors[0].message", containsString("contrasts 1.40:1 with white"));

        acme.request().get("/v1/branding").then().body("primaryColor", equalTo("#1A56DB"));
    }

    @Test
    void malformedBrandings_areRefused_eachOnItsField() {
        Api acme = Api.newPartner();
        for (Map.Entry<String, Object> bad : List.of(Map.entry("displayName", (Object) ""),
                Map.entry("logoUrl", (Object) "http://cdn.acme.example/logo.svg"),
                Map.entry("logoUrl", (Object) "javascript:alert(1)"),
                Map.entry("primaryColor", (Object) "red"),
                Map.entry("supportEmail", (Object) "help"),
                Map.entry("primaryColor", (Object) 123456))) {
            Map<String, Object> body = new HashMap<>(ACME);
            body.put(bad.getKey(), bad.getValue());
            acme.request().body(body).put("/v1/branding").then()
                    .statusCode(bad.getValue() instanceof Integer ? 400 : 422)
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
        acme.request().body("").put("/v1/branding").then().statusCode(422).body("errors[0].field", equalTo("body"));
        acme.request().get("/v1/branding").then().statusCode(404);
    }

    @Test
    void theRedemptionLink_showsItsPartnersBranding_andNoOtherPartners() {
        Api acme = Api.newPartner();
        Api other = Api.newPartner();
        acme.request().body(ACME).put("/v1/branding").then().statusCode(200);
        other.request().body(Map.of("displayName", "Other Shop", "primaryColor", "#B3261E")).put("/v1/branding")
                .then().statusCode(200);
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        Claims.Award award = Claims.award(acme, Claims.moment(acme, "100.00", credit), "u-1");

        Claims.preview(award.token()).statusCode(200)
                .body("branding.displayName", equalTo("Acme Games"))
                .body("branding.primaryColor", equalTo("#1A56DB"))
                .body("branding.logoUrl", equalTo("https://cdn.acme.example/logo.svg"))
                .body("branding.supportEmail", equalTo("help@acme.example"));
        given().get("/r/" + award.token()).then().statusCode(200)
                .body(containsString("<span class=\"brand-name\">Acme Games</span>"))
                .body(containsString("--accent:#1A56DB"))
                .header("Content-Security-Policy", containsString("https://cdn.acme.example"));

        Api plain = Api.newPartner();
        String plainCredit = Claims.reward(plain, "CREDIT", "4.00", "sandbox", List.of());
        Claims.Award plainAward = Claims.award(plain, Claims.moment(plain, "100.00", plainCredit), "u-1");
        Claims.preview(plainAward.token()).statusCode(200).body("branding", nullValue());
    }
}
