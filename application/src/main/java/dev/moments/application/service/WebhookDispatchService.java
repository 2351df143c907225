package dev.moments.application.service;

import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.DispatchWebhooksUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.application.port.out.WebhookDeliveries.DueDelivery;
import dev.moments.application.port.out.WebhookDeliveries.Outcome;
import dev.moments.application.port.out.WebhookEndpoints;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.RetrySchedule;
import dev.moments.domain.webhook.WebhookEndpoint;
import dev.moments.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Sends due webhook deliveries, round by round (the dispatch job calls {@link #dispatch}, never a request):
 *
 * <ol>
 *   <li>records the answers that came in since the last round, each in the log, and moves its delivery on:
 *       DELIVERED on a 2xx, else PENDING again after the retry schedule's next delay (with jitter), or FAILED once
 *       the schedule is used up;</li>
 *   <li>leases due deliveries (see {@link WebhookDeliveries#lease}: several instances never lease the same one, a dead
 *       instance's lease runs out, an endpoint's deliveries of one award go one at a time, in order, and at most
 *       {@code perEndpoint} of an endpoint's at once), up to the free share of {@code maxInFlight};</li>
 *   <li>sends them outside any transaction, without blocking (the sender's client is asynchronous), signed with the
 *       endpoint's live secrets at the time of the attempt; waits for their answers at most {@code settle}, records
 *       those that came, and leaves the others to the next round.</li>
 * </ol>
 *
 * A delivery of an endpoint deleted or disabled since it was leased is not sent; its lease runs out and, once the
 * endpoint is enabled again, it is due again.
 */
public final class WebhookDispatchService implements DispatchWebhooksUseCase {

    /** The prefix of the token each lease marks its deliveries with. */
    static final String LEASE_PREFIX = "lse_";

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final AwardLinks links;
    private final Clock clock;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Settings settings;

    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** @param links adds each award's redemption link to its events as they are sent */
    public WebhookDispatchService(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                                  AwardLinks links, Clock clock, TransactionRunner transactions, IdGenerator ids,
                                  Settings settings) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.links = links;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
        this.ids = ids;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public int dispatch() {
        recordFinished();
        int capacity = settings.maxInFlight() - inFlight.get();
        if (capacity <= 0) {
            return 0;
        }
        Instant now = clock.now();
        String token = ids.next(LEASE_PREFIX);
        List<DueDelivery> due = transactions.run(() -> deliveries.lease(now, now.plus(settings.lease()), token,
                capacity, settings.perEndpoint()));
        if (due.isEmpty()) {
            return 0;
        }
        Map<WebhookId, WebhookEndpoint> targets = new HashMap<>();
        Map<String, OutboxEvent> events = new HashMap<>(); // by delivery id, with the award's link
        transactions.run(() -> {
            for (DueDelivery delivery : due) {
                if (!targets.containsKey(delivery.endpointId())) {
                    endpoints.find(delivery.partnerId(), delivery.endpointId())
                            .ifPresent(endpoint -> targets.put(endpoint.id(), endpoint));
                }
            }
            List<OutboxEvent> linked = links.withRedeemUrls(due.stream().map(DueDelivery::event).toList());
            for (int i = 0; i < due.size(); i++) {
                events.put(due.get(i).id(), linked.get(i));
            }
            return null;
        });
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (DueDelivery delivery : due) {
            WebhookEndpoint endpoint = targets.get(delivery.endpointId());
            if (endpoint != null && endpoint.enabled()) {
                sent.add(send(delivery, events.get(delivery.id()), endpoint));
            }
        }
        awaitAtMost(sent, settings.settle());
        recordFinished();
        return sent.size();
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public int prune(int batchSize) {
        Instant before = clock.now().minus(settings.retention());
        return transactions.run(() -> deliveries.prune(before, batchSize));
    }

    private CompletableFuture<Void> send(DueDelivery delivery, OutboxEvent event, WebhookEndpoint endpoint) {
        inFlight.incrementAndGet();
        Instant at = clock.now();
        CompletableFuture<DeliveryAttempt> attempt;
        try {
            attempt = sender.send(endpoint.url(), event, at, endpoint.liveSecrets(at)).toCompletableFuture();
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.handle((made, failure) -> made != null ? made
                        : new DeliveryAttempt(at, null, 0, "not sent: " + failure))
                .thenAccept(made -> {
                    finished.add(new Finished(delivery, made));
                    inFlight.decrementAndGet();
                });
    }

    /** Records the answers that came in, in one transaction. */
    private void recordFinished() {
        List<Finished> drained = new ArrayList<>();
        for (Finished one; (one = finished.poll()) != null; ) {
            drained.add(one);
        }
        if (drained.isEmpty()) {
            return;
        }
        Instant now = clock.now();
        List<Outcome> outcomes = drained.stream().map(one -> outcome(one, now)).toList();
        try {
            record(outcomes);
        } catch (StoreUnavailableException outage) {
            finished.addAll(drained); // recorded by a later round, once the store is back
            throw outage;
        } catch (RuntimeException together) {
            // an outcome that cannot be written must not lose the others (they would be sent again, to every
            // receiver): each on its own; one that still fails is left to its lease, which runs out
            for (Outcome outcome : outcomes) {
                try {
                    record(List.of(outcome));
                } catch (RuntimeException alone) {
                    // left to its lease
                }
            }
        }
    }

    private void record(List<Outcome> outcomes) {
        transactions.run(() -> {
            deliveries.record(outcomes);
            return null;
        });
    }

    private Outcome outcome(Finished one, Instant now) {
        DueDelivery delivery = one.delivery();
        int attempts = delivery.attempts() + 1;
        if (one.attempt().succeeded()) {
            return new Outcome(delivery.id(), delivery.token(), one.attempt(), DeliveryStatus.DELIVERED, attempts,
                    null);
        }
        Duration sinceEvent = Duration.between(delivery.event().createdAt(), now);
        return settings.schedule().delayAfter(attempts, sinceEvent, settings.random().getAsDouble())
                .map(delay -> new Outcome(delivery.id(), delivery.token(), one.attempt(), DeliveryStatus.PENDING,
                        attempts, now.plus(delay)))
                .orElseGet(() -> new Outcome(delivery.id(), delivery.token(), one.attempt(), DeliveryStatus.FAILED,
                        attempts, null));
    }

    private static void awaitAtMost(List<CompletableFuture<Void>> sent, Duration settle) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(settle.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the slow ones are recorded by a later round
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Finished(DueDelivery delivery, DeliveryAttempt attempt) {
    }

    /**
     * How the dispatch runs.
     *
     * @param maxInFlight deliveries sent and not yet recorded, at most, in this instance
     * @param perEndpoint deliveries of one endpoint leased at once, at most
     * @param lease how long a leased delivery is hidden from other rounds and instances; longer than a send and its
     *              recording take (the sender's timeout is 5 s)
     * @param settle how long a round waits for the answers of what it sent before it returns
     * @param retention how long finished deliveries stay in the log
     * @param random numbers in [0, 1) for the jitter of the retry delays
     */
    public record Settings(RetrySchedule schedule, int maxInFlight, int perEndpoint, Duration lease, Duration settle,
                           Duration retention, DoubleSupplier random) {

        public Settings {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(random, "random");
            if (maxInFlight < 1 || perEndpoint < 1) {
                throw new IllegalArgumentException("maxInFlight and perEndpoint are at least 1");
            }
            if (lease.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException("a lease lasts at least 10 s, longer than a send may take");
            }
            if (settle.isNegative()) {
                throw new IllegalArgumentException("settle must not be negative");
            }
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative");
            }
        }
    }
}
