package dev.moments.testkit;

import dev.moments.application.port.in.MomentView;
import java.math.BigDecimal;

/**
 * A moment's budget in the partner's currency, exact to the cent: {@code reserved + spent + remaining = total}.
 *
 * @param reserved held for awards earned and not yet claimed
 * @param spent paid for awards claimed
 * @param remaining what further awards can still reserve
 * @param spentToday charged today (in the moment's time zone), what a daily cap limits
 */
public record TestBudget(String currency, BigDecimal total, BigDecimal costPerAction, BigDecimal reserved,
                         BigDecimal spent, BigDecimal remaining, BigDecimal spentToday) {

    static TestBudget of(MomentView view) {
        return new TestBudget(view.budget().total().currency().getCurrencyCode(), view.budget().total().amount(),
                view.budget().costPerAction().amount(), view.budgetState().reserved().amount(),
                view.budgetState().spent().amount(), view.budgetState().remaining().amount(),
                view.budgetState().spentToday().amount());
    }
}
