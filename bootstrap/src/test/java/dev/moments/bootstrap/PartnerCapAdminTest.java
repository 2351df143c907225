package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's API for monthly caps: create with a cap, read, change, remove, and every bad input a 4xx. */
@QuarkusTest
class PartnerCapAdminTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static ValidatableResponse patch(String partner, String json) {
        return admin().body(json).patch("/admin/v1/partners/" + partner).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
    }

    private static String newPartner(Map<String, ?> body) {
        return admin().body(body).post("/admin/v1/partners").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPartnerCreatedWithACapShowsItWithThisMonthsCharges() {
        ValidatableResponse created = admin().body(Map.of("name", "Capped", "currency", "USD", "monthlyCap", "2000.00"))
                .post("/admin/v1/partners").then().statusCode(201)
                .body("monthlyCap", equalTo("2000.00"))
                .body("apiKey", containsString("mk_"));
        String id = created.extract().path("id");

        admin().get("/admin/v1/partners/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Capped"))
                .body("currency", equalTo("USD"))
                .body("monthlyCap", equalTo("2000.00"))
                .body("chargedThisMonth", equalTo("0.00"))
                .body("month", equalTo(YearMonth.now(ZoneOffset.UTC).toString()))
                .body("$", not(hasKey("apiKey")));
    }

    @Test
    void aPartnerWithoutACapShowsNullAndACapCanBeSetChangedAndRemoved() {
        String id = newPartner(Map.of("name", "Acme", "currency", "USD"));
        admin().get("/admin/v1/partners/" + id).then().statusCode(200)
                .body("$", hasKey("monthlyCap")).body("monthlyCap", nullValue())
                .body("chargedThisMonth", equalTo("0.00"));

        patch(id, "{\"monthlyCap\": \"1500.00\"}").statusCode(200)
                .body("id", equalTo(id)).body("monthlyCap", equalTo("1500.00"));
        patch(id, "{\"monthlyCap\": \"1200.5\"}").statusCode(200).body("monthlyCap", equalTo("1200.50"));
        admin().get("/admin/v1/partners/" + id).then().statusCode(200).body("monthlyCap", equalTo("1200.50"));
        patch(id, "{\"monthlyCap\": null}").statusCode(200).body("monthlyCap", nullValue());
        admin().get("/admin/v1/partners/" + id).then().statusCode(200).body("monthlyCap", nullValue());
    }

    @Test
    void aCapInACurrencyWithoutDecimalsIsWholeUnits() {
        String id = newPartner(Map.of("name", "Tokyo", "currency", "JPY", "monthlyCap", "200000"));
        admin().get("/admin/v1/partners/" + id).then().statusCode(200)
                .body("monthlyCap", equalTo("200000")).body("chargedThisMonth", equalTo("0"));
        problem(patch(id, "{\"monthlyCap\": \"100.50\"}"), 422).body("errors.field", hasItem("monthlyCap"));
    }

    @Test
    void badCapsAreRefusedNamingTheField() {
        String id = newPartner(Map.of("name", "Acme", "currency", "USD"));
        for (String bad : new String[] {"\"-5.00\"", "\"0\"", "\"0.00\"", "\"10.001\"", "\"ten\"", "\"\"",
                "\"1e3\"", "\"10000000000000\""}) {
            problem(patch(id, "{\"monthlyCap\": " + bad + "}"), 422).body("errors.field", hasItem("monthlyCap"));
        }
        problem(patch(id, "{}"), 422).body("errors.field", hasItem("monthlyCap"));
        problem(patch(id, "{\"monthlyCAP\": \"10.00\"}"), 422).body("errors.field", hasItem("monthlyCap"));
        problem(patch(id, "{\"monthlyCap\": [\"10.00\"]}"), 400).body("errors.field", hasItem("monthlyCap"));
        problem(patch(id, "{\"monthlyCap\": {\"amount\": \"10.00\"}}"), 400)
                .body("errors.field", hasItem("monthlyCap"));
        problem(patch(id, "[]"), 400);
        problem(patch(id, "{\"monthlyCap\": "), 400);
        problem(admin().patch("/admin/v1/partners/" + id).then(), 422).body("errors.field", hasItem("body"));
        problem(admin().body(Map.of("name", "Acme", "currency", "USD", "monthlyCap", "-1"))
                .post("/admin/v1/partners").then(), 422).body("errors.field", hasItem("monthlyCap"));
        problem(admin().body("{\"name\": \"Acme\", \"currency\": \"USD\", \"monthlyCap\": [1]}")
                .post("/admin/v1/partners").then(), 400).body("errors.field", hasItem("monthlyCap"));

        admin().get("/admin/v1/partners/" + id).then().statusCode(200).body("monthlyCap", nullValue());
    }

    @Test
    void anUnknownPartnerIsNotFoundAndOnlyTheOperatorMayAsk() {
        problem(admin().get("/admin/v1/partners/ptn_nobody").then(), 404);
        problem(patch("ptn_nobody", "{\"monthlyCap\": \"10.00\"}"), 404);
        String id = newPartner(Map.of("name", "Acme", "currency", "USD"));
        given().contentType(ContentType.JSON).body("{\"monthlyCap\": \"10.00\"}")
                .patch("/admin/v1/partners/" + id).then().statusCode(401);
        given().auth().oauth2("wrong").get("/admin/v1/partners/" + id).then().statusCode(401);
        Api partner = Api.newPartner();
        partner.request().get("/admin/v1/partners/" + partner.partnerId).then().statusCode(401);
    }

    @Test
    void theStatementShowsTheCapAndTheOpenApiDocumentDescribesTheEndpoints() {
        Api partner = Api.newPartner();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        partner.request().get("/v1/statement?month=" + month).then().statusCode(200)
                .body("$", hasKey("monthlyCap")).body("monthlyCap", nullValue())
                .body("chargedAgainstCap", equalTo("0.00"));
        patch(partner.partnerId, "{\"monthlyCap\": \"250.00\"}").statusCode(200);
        partner.request().get("/v1/statement?month=" + month).then().statusCode(200)
                .body("monthlyCap", equalTo("250.00"));

        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/admin/v1/partners/{id}"))
                .body("paths.'/admin/v1/partners/{id}'", hasKey("patch"))
                .body("paths.'/admin/v1/partners/{id}'", hasKey("get"))
                .body("components.schemas.UpdatePartner.properties", hasKey("monthlyCap"))
                .body("components.schemas.UpdatePartner.properties", not(hasKey("monthlyCapGiven")))
                .body("components.schemas.Partner.properties", hasKey("chargedThisMonth"))
                .body("components.schemas.CreatePartner.properties", hasKey("monthlyCap"))
                .body("components.schemas.Statement.properties", hasKey("chargedAgainstCap"));
    }
}
