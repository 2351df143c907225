package dev.moments.domain.budget;

import dev.moments.domain.shared.Money;

/**
 * A snapshot of a budget as partners see it.
 *
 * @param spentToday what was charged (reserved or settled, less releases) in the current calendar day of the
 *                   moment's time zone
 */
public record BudgetState(Money reserved, Money spent, Money remaining, Money spentToday) {
}
