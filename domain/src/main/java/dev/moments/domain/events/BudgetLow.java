package dev.moments.domain.events;

import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import java.time.Instant;
import java.util.Objects;

/** A moment's budget has just used {@link Budget#LOW_PERCENT_USED} percent of its total: time to top it up. */
public record BudgetLow(Moment moment, Budget budget, Instant at) implements MomentEvent {

    public BudgetLow {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "budget.low";
    }
}
