package dev.moments.application.port.in;

/** An endpoint with its new signing secret, answered once: by its creation and by each rotation. */
public record WebhookSecretShown(WebhookView webhook, String secret) {
}
