package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;

/** A partner reads its webhook endpoints and their delivery log. */
public interface GetWebhookQuery {

    /** @throws NotFoundException if the partner has no such endpoint */
    WebhookView get(PartnerId partnerId, WebhookId id);

    Page<WebhookView> list(PartnerId partnerId, PageRequest page);

    /**
     * The endpoint's deliveries, newest first, each with its attempts.
     *
     * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}, or {@code null} for all
     * @throws NotFoundException if the partner has no such endpoint
     */
    Page<WebhookDelivery> deliveries(PartnerId partnerId, WebhookId id, String status, PageRequest page);
}
