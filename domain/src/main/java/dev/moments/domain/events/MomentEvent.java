package dev.moments.domain.events;

import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.PartnerId;

/** What happened to one moment or its budget: its partner is the moment's. */
public sealed interface MomentEvent extends DomainEvent permits BudgetLow, BudgetExhausted, MomentStatusChanged {

    /** The moment as it stands after the change. */
    Moment moment();

    @Override
    default PartnerId partnerId() {
        return moment().partnerId();
    }
}
