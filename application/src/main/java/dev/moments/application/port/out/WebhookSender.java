package dev.moments.application.port.out;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Sends webhook deliveries over HTTP, and says which URLs may be sent to at all. */
public interface WebhookSender {

    /**
     * Why events may not be sent to this URL (its host does not resolve, or resolves to a loopback, link-local or
     * private address while those are not allowed), or empty when they may. Resolves the host: call it outside a
     * transaction.
     */
    Optional<String> refusal(String url);

    /**
     * POSTs the event to the URL as Standard Webhooks define it, signed with each secret, the timestamp being
     * {@code at}; the address is checked again as {@link #refusal} does, and the connection made to the address
     * checked. Never blocks the caller.
     *
     * @return completes, never exceptionally, with the attempt: made {@code at}, the answer's status if any, how long
     *     it took, and why it failed if it did
     */
    CompletionStage<DeliveryAttempt> send(String url, OutboxEvent event, Instant at, List<WebhookSecret> secrets);
}
