package dev.moments.domain.events;

import dev.moments.domain.partner.PartnerId;
import java.time.Instant;

/**
 * Something that happened to a partner's moments, awards or rewards that the partner's systems hear about (webhooks,
 * the {@code moments.domain-events} exchange): one record per event type of the contract, raised where the change
 * happens and written in the same transaction as the change. Not to be confused with a user's event
 * ({@code dev.moments.domain.event.UserEvent}), which is what partners report to Moments.
 */
public sealed interface DomainEvent permits AwardEvent, MomentEvent, CodesLow {

    /** The partner it concerns. */
    PartnerId partnerId();

    /** When it happened. */
    Instant at();

    /** Its type as the contract names it, e.g. {@code award.earned}. */
    String type();
}
