package dev.moments.adapter.persistence;

import dev.moments.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** Turns numeric(19,4) columns and a currency code back into {@link Money}, at the currency's own scale. */
final class MoneyColumns {

    private MoneyColumns() {
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, Currency.getInstance(currency));
    }

    static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
