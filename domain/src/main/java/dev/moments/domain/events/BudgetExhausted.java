package dev.moments.domain.events;

import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import java.time.Instant;
import java.util.Objects;

/** A live moment's budget can no longer pay one action: the moment is EXHAUSTED until a top-up. */
public record BudgetExhausted(Moment moment, Budget budget, Instant at) implements MomentEvent {

    public BudgetExhausted {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "budget.exhausted";
    }
}
