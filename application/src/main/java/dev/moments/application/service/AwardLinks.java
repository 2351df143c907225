package dev.moments.application.service;

import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.RedemptionLinks;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.redemption.RedemptionToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds the redemption link to the {@code award.*} events being sent: their data is the award as
 * {@code GET /v1/awards/{id}} shows it, link included. The outbox and the webhook deliveries keep events without it
 * (the token is a secret, sealed at rest), so it is added where an event leaves, each time it leaves; it reads the
 * award's sealed token, so it runs inside a transaction.
 */
public final class AwardLinks {

    /** The field of the link in an award's data. */
    static final String FIELD = "redeemUrl";

    private final AwardRepository awards;
    private final TokenSealer sealer;
    private final RedemptionLinks links;

    public AwardLinks(AwardRepository awards, TokenSealer sealer, RedemptionLinks links) {
        this.awards = awards;
        this.sealer = sealer;
        this.links = links;
    }

    /** The events, each {@code award.*} one with its award's link when the award has one. */
    public List<OutboxEvent> withRedeemUrls(List<OutboxEvent> events) {
        return events.stream().map(this::withRedeemUrl).toList();
    }

    /** The event with its award's link, if it is an {@code award.*} event of an award that has one. */
    public OutboxEvent withRedeemUrl(OutboxEvent event) {
        if (!event.type().startsWith("award.") || event.awardId() == null || event.data().containsKey(FIELD)) {
            return event;
        }
        Optional<String> link = awards.sealedToken(new AwardId(event.awardId())).flatMap(sealer::unseal)
                .map(token -> links.of(new RedemptionToken(token)));
        if (link.isEmpty()) {
            return event;
        }
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        data.put(FIELD, link.get());
        return new OutboxEvent(event.id(), event.partnerId(), event.type(), data, event.createdAt());
    }
}
