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

    /**
     * The events, each {@code award.*} one with its award's link when the award has one; the awards' sealed tokens
     * are read together.
     */
    public List<OutboxEvent> withRedeemUrls(List<OutboxEvent> events) {
        List<AwardId> linked = events.stream().filter(AwardLinks::wantsLink)
                .map(event -> new AwardId(event.awardId())).toList();
        if (linked.isEmpty()) {
            return events;
        }
        Map<AwardId, String> sealed = awards.sealedTokens(linked);
        return events.stream().map(event -> wantsLink(event)
                ? withLink(event, Optional.ofNullable(sealed.get(new AwardId(event.awardId())))) : event).toList();
    }

    /** The link of one award, when it has a token that can be unsealed. */
    public Optional<String> linkOf(AwardId awardId) {
        return Optional.ofNullable(awards.sealedTokens(List.of(awardId)).get(awardId)).flatMap(this::link);
    }

    private Optional<String> link(String sealed) {
        return sealer.unseal(sealed).map(token -> links.of(new RedemptionToken(token)));
    }

    private static boolean wantsLink(OutboxEvent event) {
        return event.type().startsWith("award.") && event.awardId() != null && !event.data().containsKey(FIELD);
    }

    private OutboxEvent withLink(OutboxEvent event, Optional<String> sealed) {
        Optional<String> link = sealed.flatMap(this::link);
        if (link.isEmpty()) {
            return event;
        }
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        data.put(FIELD, link.get());
        return new OutboxEvent(event.id(), event.partnerId(), event.type(), data, event.createdAt());
    }
}
