package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partner keys guard /v1, the admin token guards /admin, and tenants never see each other. */
@QuarkusTest
class AuthenticationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void partnerEndpointsNeedAValidKey() {
        given().get("/v1/moments").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("mk_wrong").get("/v1/moments").then().statusCode(401);
        given().header("Authorization", "Basic abc").get("/v1/rewards").then().statusCode(401);
    }

    @Test
    void adminEndpointsNeedTheAdminTokenNotAPartnerKey() {
        Api acme = Api.newPartner();
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "currency", "USD"))
                .post("/admin/v1/partners").then().statusCode(401);
        given().auth().oauth2(acme.apiKey).contentType(ContentType.JSON).body(Map.of("name", "x", "currency", "USD"))
                .post("/admin/v1/partners").then().statusCode(401);
    }

    @Test
    void aNewPartnerGetsAKeyOnceAndItIsNeverShownAgain() {
        given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Games", "currency", "USD")).post("/admin/v1/partners")
                .then().statusCode(201)
                .body("id", startsWith("ptn_"))
                .body("name", equalTo("Acme Games"))
                .body("currency", equalTo("USD"))
                .body("apiKey", startsWith("mk_"));
    }

    @Test
    void aRevokedKeyStopsWorkingWhileAnotherKeyGoesOn() {
        Api acme = Api.newPartner();
        Map<String, Object> second = given().auth().oauth2(Api.ADMIN_TOKEN)
                .post("/admin/v1/partners/" + acme.partnerId + "/keys")
                .then().statusCode(201).extract().jsonPath().getMap("");
        String firstKeyId = given().auth().oauth2(Api.ADMIN_TOKEN)
                .post("/admin/v1/partners/" + acme.partnerId + "/keys").then().extract().path("id");
        given().auth().oauth2(Api.ADMIN_TOKEN).delete("/admin/v1/partners/" + acme.partnerId + "/keys/" + firstKeyId)
                .then().statusCode(204);
        given().auth().oauth2(acme.apiKey).get("/v1/rewards").then().statusCode(200);
        given().auth().oauth2((String) second.get("apiKey")).get("/v1/rewards").then().statusCode(200);

        given().auth().oauth2(Api.ADMIN_TOKEN).delete("/admin/v1/partners/" + acme.partnerId + "/keys/key_unknown")
                .then().statusCode(404);
        given().auth().oauth2(Api.ADMIN_TOKEN).post("/admin/v1/partners/ptn_unknown/keys").then().statusCode(404);
    }

    @Test
    void aRevokedKeyIsRefused() {
        Map<String, Object> created = given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme", "currency", "USD")).post("/admin/v1/partners")
                .then().statusCode(201).extract().jsonPath().getMap("");
        given().auth().oauth2(Api.ADMIN_TOKEN)
                .delete("/admin/v1/partners/" + created.get("id") + "/keys/" + created.get("keyId"))
                .then().statusCode(204);
        given().auth().oauth2((String) created.get("apiKey")).get("/v1/rewards").then().statusCode(401);
    }

    @Test
    void aKeyInUseRevokedThroughThisInstance_isRefusedAtOnce() {
        Map<String, Object> created = given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme", "currency", "USD")).post("/admin/v1/partners")
                .then().statusCode(201).extract().jsonPath().getMap("");
        String key = (String) created.get("apiKey");
        given().auth().oauth2(key).get("/v1/rewards").then().statusCode(200); // found active: kept for a moment

        given().auth().oauth2(Api.ADMIN_TOKEN)
                .delete("/admin/v1/partners/" + created.get("id") + "/keys/" + created.get("keyId"))
                .then().statusCode(204);

        given().auth().oauth2(key).get("/v1/rewards").then().statusCode(401);
    }

    @Test
    void aKeyInUseRevokedThroughAnotherInstance_isRefusedWithinTheKeyMaxAge() throws Exception {
        Map<String, Object> created = given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme", "currency", "USD")).post("/admin/v1/partners")
                .then().statusCode(201).extract().jsonPath().getMap("");
        String key = (String) created.get("apiKey");
        given().auth().oauth2(key).get("/v1/rewards").then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement revoke = connection.prepareStatement(
                     "update api_keys set revoked_at = now() where id = ?")) { // as another instance would
            revoke.setString(1, (String) created.get("keyId"));
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }
        long revoked = System.nanoTime();

        int status = 200;
        while (status == 200 && System.nanoTime() - revoked < Duration.ofSeconds(10).toNanos()) {
            status = given().auth().oauth2(key).get("/v1/rewards").then().extract().statusCode();
            Thread.sleep(50);
        }

        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).as("refused within moments.api-key-max-age")
                .isLessThan(Duration.ofSeconds(1).plusMillis(900));
    }

    @Test
    void anotherPartnersMomentsAndRewardsAreNotFound() {
        Api acme = Api.newPartner();
        String moment = acme.createSpendMoment("100.00", "10.00");
        String reward = acme.createReward("1.00");
        Api rival = Api.newPartner();
        rival.request().get("/v1/moments/" + moment).then().statusCode(404);
        rival.request().post("/v1/moments/" + moment + "/launch").then().statusCode(404);
        rival.request().body("{\"amount\":\"5.00\"}").post("/v1/moments/" + moment + "/budget/top-up")
                .then().statusCode(404);
        rival.request().get("/v1/rewards/" + reward).then().statusCode(404);
        rival.request().get("/v1/moments").then().statusCode(200).body("items.id", not(hasItem(moment)));
        rival.request().get("/v1/rewards").then().statusCode(200).body("items.id", not(hasItem(reward)));
    }
}
