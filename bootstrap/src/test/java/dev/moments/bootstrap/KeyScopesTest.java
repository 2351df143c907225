package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys with scopes end to end: the operator issues a key that may do only some things; a request outside them is a
 * 403 problem before any work, inside them it is served; the partner's first key may do everything; each key shows
 * its scopes and when it was last used; the console signs in only with a key of every scope.
 */
@QuarkusTest
class KeyScopesTest {

    @Test
    void aKeyMayDoWhatItsScopesAllow_andNothingElse() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "purchase.completed"), Map.of());
        String events = issue(acme, List.of("events:write"));
        String reader = issue(acme, List.of("reports:read"));
        String awards = issue(acme, List.of("awards:write", "reports:read"));

        as(events).body(Map.of("id", "evt-" + Instant.now().toEpochMilli(), "type", "purchase.completed",
                "userId", "u-1", "occurredAt", Instant.now().toString())).post("/v1/events").then().statusCode(200);
        forbidden(as(events).get("/v1/moments/" + moment), "reports:read");
        forbidden(as(events).body(Map.of("name", "x")).patch("/v1/moments/" + moment), "moments:write");
        forbidden(as(events).body(Map.of("userId", "u-2")).post("/v1/moments/" + moment + "/awards"),
                "awards:write");

        as(reader).get("/v1/moments/" + moment).then().statusCode(200);
        as(reader).get("/v1/moments/" + moment + "/report").then().statusCode(200);
        forbidden(as(reader).body(Map.of("type", "purchase.completed", "userId", "u-3", "occurredAt",
                Instant.now().toString())).post("/v1/events"), "events:write");
        forbidden(as(reader).body(Map.of("kind", "user", "value", "u-9")).post("/v1/blocklist"), "moments:write");

        as(awards).body(Map.of("userId", "u-4")).post("/v1/moments/" + moment + "/awards").then().statusCode(201);
        forbidden(as(awards).post("/v1/moments/" + moment + "/pause"), "moments:write");

        // the scope is the matched operation's: a trailing slash does not make a direct award a configuration change
        String configures = issue(acme, List.of("moments:write"));
        forbidden(as(configures).body(Map.of("userId", "u-5")).post("/v1/moments/" + moment + "/awards/"),
                "awards:write");
        forbidden(as(configures).body(Map.of("amount", 1)).header("Idempotency-Key", "spend-1")
                .post("/v1/users/u-1/points/spend/"), "events:write");
        assertThat(acme.request().get("/v1/awards?userId=u-5").then().extract().jsonPath().getList("items"))
                .as("nothing was done").isEmpty();
        acme.request().post("/v1/moments/" + moment + "/pause").then().statusCode(200); // the first key: all

        as("mk_not-a-key").get("/v1/moments").then().statusCode(401);
        given().get("/v1/moments").then().statusCode(401);
    }

    @Test
    void eachKeyShowsItsScopesAndLastUse_andBadScopesAreRefused() {
        Api acme = Api.newPartner();
        String reader = issue(acme, List.of("reports:read"));
        admin().get("/admin/v1/partners/" + acme.partnerId + "/keys").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].scopes", equalTo(List.of("events:write", "moments:write",
                        "reports:read", "awards:write"))).body("[1].scopes", equalTo(List.of("reports:read")))
                .body("[1].lastUsedAt", nullValue());
        as(reader).get("/v1/moments").then().statusCode(200);
        admin().get("/admin/v1/partners/" + acme.partnerId + "/keys").then().body("[1].lastUsedAt", notNullValue());

        admin().body(Map.of("scopes", List.of("events:read"))).post("/admin/v1/partners/" + acme.partnerId + "/keys")
                .then().statusCode(422).body("errors[0].field", equalTo("scopes[0]"));
        admin().body(Map.of("scopes", List.of())).post("/admin/v1/partners/" + acme.partnerId + "/keys").then()
                .statusCode(422).body("errors[0].field", equalTo("scopes"));
        admin().post("/admin/v1/partners/" + acme.partnerId + "/keys").then().statusCode(201);
        admin().get("/admin/v1/partners/ptn_nobody/keys").then().statusCode(404);

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("apiKey", reader)
                .post("/console/sign-in").then().statusCode(401);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("apiKey", acme.apiKey())
                .post("/console/sign-in").then().statusCode(303);
        assertThat(acme.request().get("/v1/audit").then().extract().jsonPath().getList("items.actor", String.class))
                .contains("admin");
    }

    private static String issue(Api partner, List<String> scopes) {
        return admin().body(Map.of("scopes", scopes)).post("/admin/v1/partners/" + partner.partnerId + "/keys")
                .then().statusCode(201).extract().path("apiKey");
    }

    private static void forbidden(io.restassured.response.Response response, String scope) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("detail", org.hamcrest.Matchers.containsString(scope));
    }

    private static RequestSpecification as(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON);
    }
}
