package dev.moments.application.port.out;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deliveries of events to endpoints, and their attempts. Deliveries keep the order they were written in (a
 * sequence), which is the outbox's order: an endpoint's deliveries of one award are sent one after the other in it.
 */
public interface WebhookDeliveries {

    /** Writes new PENDING deliveries, due at once, in the calling transaction; the list's order is their order. */
    void insertAll(List<NewDelivery> deliveries);

    /**
     * Leases due deliveries for sending: PENDING, due at {@code now}, not leased by anyone (or their lease ran out),
     * of an enabled endpoint, and not behind an earlier PENDING delivery of the same award to the same endpoint;
     * oldest first, at most {@code limit}, and at most {@code perEndpoint} leased at once per endpoint (those leased
     * before included). Rows another transaction is leasing are skipped, so instances never lease the same one. Each
     * leased row carries {@code token} until {@code until}.
     */
    List<DueDelivery> lease(Instant now, Instant until, String token, int limit, int perEndpoint);

    /**
     * Logs attempts and moves their deliveries on. A delivery whose lease is no longer {@code token} (retried by
     * hand meanwhile, or taken over after its lease ran out) keeps its state; the attempt is logged all the same.
     * A delivery deleted meanwhile (with its endpoint) is skipped.
     */
    void record(List<Outcome> outcomes);

    /** The endpoint's deliveries, newest first, with their attempts; {@code status} {@code null} for all. */
    Page<WebhookDelivery> list(PartnerId partnerId, WebhookId endpointId, DeliveryStatus status, PageRequest page);

    Optional<WebhookDelivery> find(PartnerId partnerId, WebhookId endpointId, String deliveryId);

    /**
     * Makes the delivery PENDING, due at {@code now}, with no attempt counted; answers whether the endpoint has it. A
     * lease still running at {@code now} is kept: that send is under way, none is made beside it, and its answer is
     * recorded as any other.
     */
    boolean retryNow(PartnerId partnerId, WebhookId endpointId, String deliveryId, Instant now);

    /** How many deliveries are PENDING, for the operator. */
    long countPending();

    /**
     * Deletes at most {@code limit} finished deliveries (DELIVERED or FAILED) created before {@code before}, with
     * their attempts; answers how many.
     */
    int prune(Instant before, int limit);

    /** A delivery to write. */
    record NewDelivery(String id, WebhookId endpointId, OutboxEvent event, Instant createdAt) {

        public NewDelivery {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * A leased delivery.
     *
     * @param attempts the attempts counted so far against the retry schedule
     */
    record DueDelivery(String id, PartnerId partnerId, WebhookId endpointId, OutboxEvent event, int attempts,
                       String token) {
    }

    /**
     * An attempt and where it leaves its delivery.
     *
     * @param attempts the attempts counted against the schedule, this one included
     * @param nextAttemptAt when PENDING, when it is due again; otherwise {@code null}
     */
    record Outcome(String deliveryId, String token, DeliveryAttempt attempt, DeliveryStatus status, int attempts,
                   Instant nextAttemptAt) {

        public Outcome {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(status, "status");
            if ((status == DeliveryStatus.PENDING) != (nextAttemptAt != null)) {
                throw new IllegalArgumentException("a PENDING delivery, and only one, has a next attempt");
            }
        }
    }
}
