package dev.moments.bootstrap;

import dev.moments.adapter.webhooks.AddressGuard;
import dev.moments.adapter.webhooks.VertxWebhookSender;
import dev.moments.application.port.in.DispatchWebhooksUseCase;
import dev.moments.application.port.in.GetWebhookQuery;
import dev.moments.application.port.in.ManageWebhooksUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.application.port.out.WebhookEndpoints;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.application.service.AwardLinks;
import dev.moments.application.service.MeteredWebhookSender;
import dev.moments.application.service.WebhookDispatchService;
import dev.moments.application.service.WebhookFanOut;
import dev.moments.application.service.WebhookService;
import dev.moments.domain.webhook.RetrySchedule;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Wires partner webhooks: the use cases, the webhooks relay's {@link OutboxSink} (the fan-out into deliveries) and
 * the sender of {@code adapters/webhooks}, all from {@link WebhooksConfig}.
 */
@ApplicationScoped
public class WebhookConfiguration {

    /** The contract's limit: a 2xx within 5 seconds is success. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How long a leased delivery is hidden from other rounds and instances: well past a send and its recording. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** How long a dispatch round waits for the answers of what it sent before it leaves them to the next round. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(WebhookConfiguration.class);

    @Produces
    @Singleton
    @Typed({ManageWebhooksUseCase.class, GetWebhookQuery.class})
    WebhookService webhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSender sender,
                            IdGenerator ids, SecretGenerator secrets, Clock clock, TransactionRunner transactions) {
        return new WebhookService(endpoints, deliveries, sender, ids, secrets, clock, transactions);
    }

    /** The sink of the outbox relay {@code WEBHOOKS}: each event becomes the deliveries of its partner's endpoints. */
    @Produces
    @Singleton
    @Typed(OutboxSink.class)
    WebhookFanOut webhookFanOut(WebhookEndpoints endpoints, WebhookDeliveries deliveries, IdGenerator ids,
                                Clock clock) {
        return new WebhookFanOut(endpoints, deliveries, ids, clock);
    }

    @Produces
    @Singleton
    @Typed(DispatchWebhooksUseCase.class)
    WebhookDispatchService dispatch(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                                    AwardLinks links, Clock clock, TransactionRunner transactions, IdGenerator ids,
                                    WebhooksConfig config) {
        RetrySchedule schedule = RetrySchedule.parse(config.retrySchedule()).retryingFor(config.retryFor());
        return new WebhookDispatchService(deliveries, endpoints, sender, links, clock, transactions, ids,
                new WebhookDispatchService.Settings(schedule, config.maxInFlight(), config.maxInFlightPerEndpoint(),
                        LEASE, SETTLE, config.retention(), () -> ThreadLocalRandom.current().nextDouble()));
    }

    @Produces
    @Singleton
    @Typed(VertxWebhookSender.class)
    VertxWebhookSender vertxSender(Vertx vertx, WebhooksConfig config) {
        if (config.allowPrivateTargets()) {
            LOG.warn("moments.webhooks.allow-private-targets is on: webhooks may be sent to loopback, link-local and"
                    + " private addresses (this machine, its network, cloud metadata services)");
        }
        return new VertxWebhookSender(vertx, new AddressGuard(config.allowPrivateTargets(), AddressGuard.SYSTEM),
                TIMEOUT, config.maxInFlightPerEndpoint());
    }

    void closeSender(@Disposes VertxWebhookSender sender) {
        sender.close();
    }

    /** The sender the core uses: Vert.x's, each attempt counted. */
    @Produces
    @Singleton
    WebhookSender sender(VertxWebhookSender sender, Metrics metrics) {
        return new MeteredWebhookSender(sender, metrics);
    }
}
