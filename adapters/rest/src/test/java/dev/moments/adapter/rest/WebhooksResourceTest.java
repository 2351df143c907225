package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.RIVAL;
import static dev.moments.adapter.rest.TestCredentials.RIVAL_KEY;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.Page;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.ManageWebhooksUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.WebhookSecretShown;
import dev.moments.application.port.in.WebhookView;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/webhooks}: the HTTP side of endpoints, secrets and the delivery log. */
@QuarkusTest
class WebhooksResourceTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final WebhookView VIEW = new WebhookView("whk_1", "https://hooks.example.com/in",
            List.of("award.earned"), true, null, AT, AT);

    @InjectMock
    ManageWebhooksUseCase manage;

    @InjectMock
    GetWebhookQuery webhooks;

    @Test
    void aRegisteredEndpointIs201WithItsLocationAndSecret_andReadsNeverShowTheSecret() {
        when(manage.create(any())).thenReturn(new WebhookSecretShown(VIEW, "whsec_c2VjcmV0"));
        when(webhooks.get(PARTNER, new WebhookId("whk_1"))).thenReturn(VIEW);
        when(webhooks.list(eq(PARTNER), any())).thenReturn(new Page<>(List.of(VIEW), null));

        asPartner().body("{\"url\": \"https://hooks.example.com/in\", \"events\": [\"award.earned\"]}")
                .post("/v1/webhooks").then().statusCode(201)
                .header("Location", endsWith("/v1/webhooks/whk_1"))
                .body("id", equalTo("whk_1"))
                .body("enabled", equalTo(true))
                .body("events[0]", equalTo("award.earned"))
                .body("secret", equalTo("whsec_c2VjcmV0"));
        asPartner().get("/v1/webhooks/whk_1").then().statusCode(200).body("$", not(hasKey("secret")));
        asPartner().get("/v1/webhooks").then().statusCode(200).body("items[0]", not(hasKey("secret")))
                .body("next", nullValue());
    }

    @Test
    void aRefusedUrlIs422NamingTheField_andAnotherPartnersEndpoint404() {
        when(manage.create(any())).thenThrow(new InvalidValueException("url", "the host resolves to 127.0.0.1"));
        when(webhooks.get(RIVAL, new WebhookId("whk_1"))).thenThrow(new NotFoundException("webhook", "whk_1"));

        asPartner().body("{\"url\": \"http://127.0.0.1/\", \"events\": [\"*\"]}").post("/v1/webhooks").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
        anonymously().header("Authorization", "Bearer " + RIVAL_KEY).get("/v1/webhooks/whk_1").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void deletionIs204_theLogListsAttempts_aRetryIs202() {
        WebhookDelivery delivery = new WebhookDelivery("whd_1", new WebhookId("whk_1"), "evt_1", "award.earned",
                DeliveryStatus.PENDING, 1, AT.plusSeconds(5), AT,
                List.of(new DeliveryAttempt(AT, 503, 42, "answered HTTP 503")));
        when(webhooks.deliveries(eq(PARTNER), eq(new WebhookId("whk_1")), eq("PENDING"), any()))
                .thenReturn(new Page<>(List.of(delivery), "17"));
        when(manage.retryDelivery(PARTNER, new WebhookId("whk_1"), "whd_1")).thenReturn(delivery);

        asPartner().delete("/v1/webhooks/whk_1").then().statusCode(204);
        asPartner().get("/v1/webhooks/whk_1/deliveries?status=PENDING").then().statusCode(200)
                .body("items[0].id", equalTo("whd_1"))
                .body("items[0].eventId", equalTo("evt_1"))
                .body("items[0].attempts[0].statusCode", equalTo(503))
                .body("items[0].attempts[0].durationMs", equalTo(42))
                .body("items[0].attempts[0].error", equalTo("answered HTTP 503"))
                .body("next", equalTo("17"));
        asPartner().post("/v1/webhooks/whk_1/deliveries/whd_1/retry").then().statusCode(202)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void withoutAKeyNothingIsReached() {
        anonymously().get("/v1/webhooks").then().statusCode(401);
        verifyNoInteractions(webhooks);
    }
}
