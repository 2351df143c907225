package dev.moments.application.port.in;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;

/** A partner adds money to a moment's budget, in any status; an exhausted moment goes live again. */
public interface TopUpBudgetUseCase {

    /** @param amount a positive decimal string in the budget's currency */
    MomentView topUp(PartnerId partnerId, MomentId momentId, String amount);
}
