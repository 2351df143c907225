package dev.moments.adapter.persistence;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import java.time.Instant;

/** Maps budgets and ledger entries between the domain and their rows. */
final class BudgetMapper {

    private BudgetMapper() {
    }

    static BudgetEntity toEntity(Budget budget) {
        BudgetEntity entity = new BudgetEntity();
        entity.momentId = budget.momentId().value();
        entity.currency = budget.total().currency().getCurrencyCode();
        entity.total = MoneyColumns.amount(budget.total());
        entity.dailyCap = MoneyColumns.amount(budget.dailyCap());
        entity.costPerAction = MoneyColumns.amount(budget.costPerAction());
        entity.reserved = MoneyColumns.amount(budget.reserved());
        entity.spent = MoneyColumns.amount(budget.spent());
        return entity;
    }

    static Budget toDomain(BudgetEntity entity) {
        return new Budget(new MomentId(entity.momentId),
                MoneyColumns.money(entity.total, entity.currency),
                MoneyColumns.money(entity.dailyCap, entity.currency),
                MoneyColumns.money(entity.costPerAction, entity.currency),
                MoneyColumns.money(entity.reserved, entity.currency),
                MoneyColumns.money(entity.spent, entity.currency));
    }
}
