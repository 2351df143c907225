package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.FakeWebhookSender;
import dev.moments.application.fixtures.RecordingMetrics;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Every webhook attempt is counted as delivered (a 2xx) or not; what the sender answers passes through unchanged. */
class MeteredWebhookSenderTest {

    private static final String URL = "https://hooks.acme.example/moments";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final OutboxEvent EVENT = new OutboxEvent("evt_1", new PartnerId("ptn_1"), "budget.low",
            Map.of("momentId", "mom_1"), AT);

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final List<Boolean> attempts = metrics.webhookAttempts;
    private final FakeWebhookSender fake = new FakeWebhookSender();
    private final MeteredWebhookSender sender = new MeteredWebhookSender(fake, metrics);

    private DeliveryAttempt send() {
        return sender.send(URL, EVENT, AT, List.of()).toCompletableFuture().join();
    }

    @Test
    void eachAttemptIsCountedAsDeliveredOnlyOnA2xx() {
        fake.answer(URL, 204, 500, null);

        assertThat(send().statusCode()).isEqualTo(204);
        assertThat(send().statusCode()).isEqualTo(500);
        assertThat(send().error()).isEqualTo("connection refused");

        assertThat(attempts).containsExactly(true, false, false);
        assertThat(fake.sent()).hasSize(3);
    }

    @Test
    void aSendThatFailsIsCountedAsNotDelivered() {
        WebhookSender failing = new WebhookSender() {
            @Override
            public Optional<String> refusal(String url) {
                return Optional.empty();
            }

            @Override
            public CompletionStage<DeliveryAttempt> send(String url, OutboxEvent event, Instant at,
                                                         List<WebhookSecret> secrets) {
                return CompletableFuture.failedFuture(new IllegalStateException("no client"));
            }
        };

        new MeteredWebhookSender(failing, metrics).send(URL, EVENT, AT, List.of());

        assertThat(attempts).containsExactly(false);
    }

    @Test
    void theAddressGuardIsTheSenders() {
        fake.refuse("http://10.0.0.1/", "a private address");

        assertThat(sender.refusal("http://10.0.0.1/")).contains("a private address");
        assertThat(sender.refusal(URL)).isEmpty();
    }
}
