package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/webhooks} against the whole service, with private targets refused (the default): endpoints' lifecycle,
 * the secret shown once, partners kept apart, and the addresses refused at registration.
 */
@QuarkusTest
class WebhooksTest {

    /** A public address literal: checked without any DNS. */
    private static final String PUBLIC_URL = "https://93.184.216.34/moments/hooks";

    @Test
    void anEndpointIsRegisteredWithItsSecretOnce_readChangedRotatedAndDeleted() {
        Api acme = Api.newPartner();
        Map<String, Object> created = acme.request()
                .body(Map.of("url", PUBLIC_URL, "events", List.of("award.earned", "budget.low"), "description", "ERP"))
                .post("/v1/webhooks").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/webhooks/whk_"))
                .body("id", startsWith("whk_")).body("enabled", equalTo(true))
                .body("url", equalTo(PUBLIC_URL)).extract().jsonPath().getMap("");
        String id = (String) created.get("id");
        String secret = (String) created.get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.get("events")).isEqualTo(List.of("award.earned", "budget.low"));

        acme.request().get("/v1/webhooks/" + id).then().statusCode(200).body("$", not(hasKey("secret")))
                .body("description", equalTo("ERP"));
        acme.request().get("/v1/webhooks").then().statusCode(200).body("items.id", hasItem(id))
                .body("items[0]", not(hasKey("secret")));

        acme.request().body(Map.of("events", List.of("*"), "enabled", false)).patch("/v1/webhooks/" + id).then()
                .statusCode(200).body("events", equalTo(List.of("*"))).body("enabled", equalTo(false))
                .body("url", equalTo(PUBLIC_URL)).body("$", not(hasKey("secret")));
        String rotated = acme.request().post("/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                .body("id", equalTo(id)).extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        acme.request().get("/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items", equalTo(List.of()));

        acme.request().delete("/v1/webhooks/" + id).then().statusCode(204);
        acme.request().get("/v1/webhooks/" + id).then().statusCode(404);
        acme.request().delete("/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void anotherPartnersEndpointIs404ForEveryOperation() {
        Api acme = Api.newPartner();
        Api rival = Api.newPartner();
        String id = acme.request().body(Map.of("url", PUBLIC_URL, "events", List.of("*"))).post("/v1/webhooks")
                .then().statusCode(201).extract().path("id");

        rival.request().get("/v1/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        rival.request().body(Map.of("enabled", false)).patch("/v1/webhooks/" + id).then().statusCode(404);
        rival.request().post("/v1/webhooks/" + id + "/rotate-secret").then().statusCode(404);
        rival.request().get("/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        rival.request().post("/v1/webhooks/" + id + "/deliveries/whd_x/retry").then().statusCode(404);
        rival.request().delete("/v1/webhooks/" + id).then().statusCode(404);
        rival.request().get("/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));
        acme.request().get("/v1/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void urlsOfLoopbackLinkLocalAndPrivateAddressesAreRefused422OnUrl() {
        Api acme = Api.newPartner();
        for (String url : List.of("http://127.0.0.1/hooks", "http://169.254.169.254/", "http://10.0.0.1/",
                "http://[::1]/", "http://localhost:8080/", "http://[::ffff:127.0.0.1]/", "http://192.168.0.10/")) {
            var refused = acme.request().body(Map.of("url", url, "events", List.of("*"))).post("/v1/webhooks")
                    .then().extract();
            assertThat(refused.statusCode()).as(url).isEqualTo(422);
            assertThat(refused.contentType()).as(url).startsWith("application/problem+json");
            assertThat((String) refused.path("errors[0].field")).as(url).isEqualTo("url");
        }
        String id = acme.request().body(Map.of("url", PUBLIC_URL, "events", List.of("*"))).post("/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        acme.request().body(Map.of("url", "http://127.0.0.1:5432/")).patch("/v1/webhooks/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("url"));
        acme.request().get("/v1/webhooks/" + id).then().body("url", equalTo(PUBLIC_URL));
    }

    @Test
    void badFieldsAre422NamingTheField() {
        Api acme = Api.newPartner();
        Map<String, Object> cases = Map.of(
                "events[1]", Map.of("url", PUBLIC_URL, "events", List.of("award.earned", "award.won")),
                "events", Map.of("url", PUBLIC_URL, "events", List.of()),
                "url", Map.of("url", "ftp://93.184.216.34/", "events", List.of("*")),
                "description", Map.of("url", PUBLIC_URL, "events", List.of("*"), "description", "d".repeat(501)));
        cases.forEach((field, body) -> acme.request().body(body).post("/v1/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo(field)));
        acme.request().body(Map.of("url", "https://user:pw@93.184.216.34/", "events", List.of("*")))
                .post("/v1/webhooks").then().statusCode(422).body("errors[0].field", equalTo("url"));
    }

    @Test
    void aRegistrationSentAgainWithItsIdempotencyKeyAnswersTheSameEndpointAndSecret() {
        Api acme = Api.newPartner();
        Map<String, Object> body = Map.of("url", PUBLIC_URL, "events", List.of("*"));
        Map<String, Object> first = acme.request().header("Idempotency-Key", "wh-1").body(body).post("/v1/webhooks")
                .then().statusCode(201).extract().jsonPath().getMap("");
        Map<String, Object> again = acme.request().header("Idempotency-Key", "wh-1").body(body).post("/v1/webhooks")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath().getMap("");

        assertThat(again).isEqualTo(first);
        acme.request().get("/v1/webhooks").then().body("items.size()", equalTo(1));
    }

    /** Thirty registrations at once for one partner: exactly twenty endpoints, the others refused with 422. */
    @Test
    void registrationsAtOnceNeverGoPastThePartnersTwentyEndpoints() throws Exception {
        Api acme = Api.newPartner();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                registrations.add(() -> acme.request().body(Map.of("url", PUBLIC_URL, "events", List.of("*")))
                        .post("/v1/webhooks").statusCode());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(registrations, 2, TimeUnit.MINUTES)) {
                answers.add(answer.get());
            }
            assertThat(answers).filteredOn(status -> status == 201).hasSize(20);
            assertThat(answers).filteredOn(status -> status == 422).hasSize(10);
            acme.request().get("/v1/webhooks?limit=500").then().statusCode(200).body("items.size()", equalTo(20));
        } finally {
            pool.shutdownNow();
        }
    }
}
