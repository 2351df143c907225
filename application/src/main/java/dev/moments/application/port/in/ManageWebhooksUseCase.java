package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;

/** A partner registers, changes and removes its webhook endpoints, rotates their secrets and resends deliveries. */
public interface ManageWebhooksUseCase {

    /**
     * Registers an enabled endpoint under a new secret, shown in the answer only.
     *
     * @throws dev.moments.domain.shared.InvalidValueException naming {@code url}, {@code events} or
     *     {@code description}; {@code url} also when its host may not be reached (a private address)
     * @throws dev.moments.domain.webhook.TooManyWebhooksException past the partner's limit
     */
    WebhookSecretShown create(CreateWebhookCommand command);

    /**
     * Checks where a URL leads, resolving its host, as {@link #create} does: a caller that runs the creation inside a
     * transaction of its own (an {@code Idempotency-Key}'s) calls this first, so that the resolution, which may be
     * slow, is not made while a database connection is held (the creation's own check then finds it in the JVM's
     * cache of resolved names).
     *
     * @throws dev.moments.domain.shared.InvalidValueException on {@code url} when it is malformed or refused
     */
    void checkTarget(String url);

    /** @throws NotFoundException if the partner has no such endpoint */
    WebhookView update(UpdateWebhookCommand command);

    /** Removes the endpoint and its deliveries; nothing more is sent to it. @throws NotFoundException */
    void delete(PartnerId partnerId, WebhookId id);

    /**
     * A new secret, shown in the answer only; the previous one keeps signing deliveries beside it for 24 hours.
     *
     * @throws NotFoundException if the partner has no such endpoint
     */
    WebhookSecretShown rotateSecret(PartnerId partnerId, WebhookId id);

    /**
     * Makes a delivery due again now, with a fresh count of attempts (its log keeps the earlier ones).
     *
     * @throws NotFoundException if the endpoint has no such delivery
     */
    WebhookDelivery retryDelivery(PartnerId partnerId, WebhookId id, String deliveryId);
}
