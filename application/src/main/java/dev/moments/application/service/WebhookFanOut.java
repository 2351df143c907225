package dev.moments.application.service;

import dev.moments.application.port.Relay;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.application.port.out.WebhookDeliveries.NewDelivery;
import dev.moments.application.port.out.WebhookEndpoints;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The webhooks relay's sink: each outbox event becomes one PENDING delivery per enabled endpoint of its partner that
 * subscribes to its type, written in the relay's transaction and in the outbox's order (which the deliveries' sequence
 * keeps). An endpoint disabled now gets none; sending is left to {@link WebhookDispatchService}, so no receiver can
 * slow the relay down.
 */
public final class WebhookFanOut implements OutboxSink {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final IdGenerator ids;
    private final Clock clock;

    public WebhookFanOut(WebhookEndpoints endpoints, WebhookDeliveries deliveries, IdGenerator ids, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Relay relay() {
        return Relay.WEBHOOKS;
    }

    /** Deliveries are kept and sent later: the dispatch adds each award's link when it sends. */
    @Override
    public boolean keepsEvents() {
        return true;
    }

    @Override
    public void accept(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<PartnerId> partners = new LinkedHashSet<>();
        events.forEach(event -> partners.add(event.partnerId()));
        Map<PartnerId, List<WebhookEndpoint>> byPartner = endpoints.enabled(partners).stream()
                .collect(Collectors.groupingBy(WebhookEndpoint::partnerId));
        Instant now = clock.now();
        List<NewDelivery> written = new ArrayList<>();
        for (OutboxEvent event : events) {
            for (WebhookEndpoint endpoint : byPartner.getOrDefault(event.partnerId(), List.of())) {
                if (endpoint.receives(event.type())) {
                    written.add(new NewDelivery(ids.next(WebhookDelivery.PREFIX), endpoint.id(), event, now));
                }
            }
        }
        if (!written.isEmpty()) {
            deliveries.insertAll(written);
        }
    }
}
