package dev.moments.application.port.in;

import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.Moment;

/** A moment as a partner sees it: its definition, its budget and the budget's current state. */
public record MomentView(Moment moment, Budget budget, BudgetState budgetState) {
}
