package dev.moments.application.service;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.CreateWebhookCommand;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.ManageWebhooksUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.UpdateWebhookCommand;
import dev.moments.application.port.in.WebhookSecretShown;
import dev.moments.application.port.in.WebhookView;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.application.port.out.WebhookEndpoints;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.TooManyWebhooksException;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookEndpoint;
import dev.moments.domain.webhook.WebhookId;
import dev.moments.domain.webhook.WebhookSecret;
import java.util.Arrays;

/**
 * Keeps each partner's webhook endpoints: registration (the URL's address checked before anything is written), changes,
 * secret rotation, the delivery log and manual retries. Sending is {@link WebhookDispatchService}'s.
 */
public final class WebhookService implements ManageWebhooksUseCase, GetWebhookQuery {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final Transactions transactions;

    public WebhookService(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSender sender,
                          IdGenerator ids, SecretGenerator secrets, Clock clock, TransactionRunner transactions) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.ids = ids;
        this.secrets = secrets;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public WebhookSecretShown create(CreateWebhookCommand command) {
        WebhookSecret secret = new WebhookSecret(secrets.newWebhookSecret());
        WebhookEndpoint endpoint = WebhookEndpoint.create(new WebhookId(ids.next(WebhookId.PREFIX)),
                command.partnerId(), command.url(), command.events(), command.description(), secret, clock.now());
        checkAddress(endpoint.url());
        WebhookEndpoint created = transactions.run(() -> {
            if (endpoints.count(command.partnerId()) >= WebhookEndpoint.MAX_PER_PARTNER) {
                throw new TooManyWebhooksException(WebhookEndpoint.MAX_PER_PARTNER);
            }
            endpoints.insert(endpoint);
            return endpoint;
        });
        return new WebhookSecretShown(WebhookView.of(created), secret.value());
    }

    @Override
    public void checkTarget(String url) {
        checkAddress(WebhookEndpoint.url(url));
    }

    @Override
    public WebhookView update(UpdateWebhookCommand command) {
        String url = command.url() == null ? null : WebhookEndpoint.url(command.url());
        if (url != null) {
            checkAddress(url);
        }
        return WebhookView.of(transactions.run(() -> {
            WebhookEndpoint changed = locked(command.partnerId(), command.id()).change(url, command.events(),
                    command.enabled(), command.description(), clock.now());
            endpoints.update(changed);
            return changed;
        }));
    }

    @Override
    public void delete(PartnerId partnerId, WebhookId id) {
        transactions.run(() -> {
            if (!endpoints.delete(partnerId, id)) {
                throw new NotFoundException("webhook", id);
            }
            return null;
        });
    }

    @Override
    public WebhookSecretShown rotateSecret(PartnerId partnerId, WebhookId id) {
        WebhookSecret secret = new WebhookSecret(secrets.newWebhookSecret());
        WebhookEndpoint rotated = transactions.run(() -> {
            WebhookEndpoint endpoint = locked(partnerId, id).rotate(secret, clock.now());
            endpoints.update(endpoint);
            return endpoint;
        });
        return new WebhookSecretShown(WebhookView.of(rotated), secret.value());
    }

    @Override
    public WebhookDelivery retryDelivery(PartnerId partnerId, WebhookId id, String deliveryId) {
        return transactions.run(() -> {
            existing(partnerId, id);
            if (!deliveries.retryNow(partnerId, id, deliveryId, clock.now())) {
                throw new NotFoundException("delivery", deliveryId);
            }
            return deliveries.find(partnerId, id, deliveryId).orElseThrow();
        });
    }

    @Override
    public WebhookView get(PartnerId partnerId, WebhookId id) {
        return WebhookView.of(existing(partnerId, id));
    }

    @Override
    public Page<WebhookView> list(PartnerId partnerId, PageRequest page) {
        return endpoints.list(partnerId, page).map(WebhookView::of);
    }

    @Override
    public Page<WebhookDelivery> deliveries(PartnerId partnerId, WebhookId id, String status, PageRequest page) {
        DeliveryStatus wanted = status(status);
        existing(partnerId, id);
        return deliveries.list(partnerId, id, wanted, page);
    }

    private WebhookEndpoint locked(PartnerId partnerId, WebhookId id) {
        return endpoints.lock(partnerId, id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    private WebhookEndpoint existing(PartnerId partnerId, WebhookId id) {
        return endpoints.find(partnerId, id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    private void checkAddress(String url) {
        sender.refusal(url).ifPresent(reason -> {
            throw new InvalidValueException("url", reason);
        });
    }

    private static DeliveryStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "status must be one of "
                    + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
