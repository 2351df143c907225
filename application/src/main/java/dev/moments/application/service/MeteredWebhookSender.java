package dev.moments.application.service;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Webhook sends, counted by how each attempt ended. */
public final class MeteredWebhookSender implements WebhookSender {

    private final WebhookSender sender;
    private final Metrics metrics;

    public MeteredWebhookSender(WebhookSender sender, Metrics metrics) {
        this.sender = sender;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<DeliveryAttempt> send(String url, OutboxEvent event, Instant at,
                                                 List<WebhookSecret> secrets) {
        return sender.send(url, event, at, secrets).whenComplete((attempt, failure) ->
                metrics.webhookAttempt(failure == null && attempt.succeeded()));
    }

    @Override
    public Optional<String> refusal(String url) {
        return sender.refusal(url);
    }
}
