package dev.moments.application.port.out;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.WebhookEndpoint;
import dev.moments.domain.webhook.WebhookId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Keeps partners' webhook endpoints and their secrets; every lookup is scoped by partner. */
public interface WebhookEndpoints {

    void insert(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(PartnerId partnerId, WebhookId id);

    /**
     * The endpoint, locked until the calling transaction ends: a change made from it (a PATCH, a rotation) never
     * overwrites another made meanwhile.
     */
    Optional<WebhookEndpoint> lock(PartnerId partnerId, WebhookId id);

    /** The partner's endpoints in id order. */
    Page<WebhookEndpoint> list(PartnerId partnerId, PageRequest page);

    /**
     * How many endpoints the partner has, counted under a lock on the partner's endpoints held until the calling
     * transaction ends: two registrations at once count one after the other, so the partner's limit holds.
     */
    int count(PartnerId partnerId);

    /** Stores every field of the endpoint as given (the endpoint must exist, for its partner). */
    void update(WebhookEndpoint endpoint);

    /** Deletes the endpoint with its deliveries; answers whether it existed. */
    boolean delete(PartnerId partnerId, WebhookId id);

    /** The enabled endpoints of these partners, in id order. */
    List<WebhookEndpoint> enabled(Collection<PartnerId> partners);
}
