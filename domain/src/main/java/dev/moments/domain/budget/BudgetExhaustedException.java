package dev.moments.domain.budget;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.DomainException;
import dev.moments.domain.shared.Money;

/** The budget cannot pay what was asked of it. */
public final class BudgetExhaustedException extends DomainException {

    public BudgetExhaustedException(MomentId momentId, Money remaining, Money requested) {
        super("moment " + momentId + " has " + remaining + " left, cannot reserve " + requested);
    }

    @Override
    public String code() {
        return "budget-exhausted";
    }
}
