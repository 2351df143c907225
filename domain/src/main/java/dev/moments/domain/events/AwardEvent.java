package dev.moments.domain.events;

import dev.moments.domain.award.Award;
import dev.moments.domain.partner.PartnerId;

/** What happened to one award: its partner is the award's. */
public sealed interface AwardEvent extends DomainEvent
        permits AwardEarned, AwardClaimed, AwardExpired, AwardCancelled, FulfillmentUpdated {

    /** The award as it stands after the change. */
    Award award();

    @Override
    default PartnerId partnerId() {
        return award().partnerId();
    }
}
