package dev.moments.application.port.in;

import dev.moments.application.port.out.LedgerHistory.StatementLine;
import dev.moments.domain.shared.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a partner's moments cost in one UTC calendar month: one line per moment with ledger entries in the month, in
 * moment id order, and their totals.
 *
 * @param currency the partner's currency, which every budget and amount is in
 */
public record Statement(YearMonth month, Currency currency, List<StatementLine> lines, Totals totals) {

    public Statement {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        Objects.requireNonNull(totals, "totals");
    }

    /** The statement of these lines, with their totals computed (zero in {@code currency} when there are none). */
    public static Statement of(YearMonth month, Currency currency, List<StatementLine> lines) {
        return new Statement(month, currency, lines, Totals.of(currency, lines));
    }

    /** The sums of the lines' figures. */
    public record Totals(long actionsPaid, Money reserved, Money released, Money settled, Money charged) {

        /** The sums of {@code lines}, all in {@code currency}. */
        public static Totals of(Currency currency, List<StatementLine> lines) {
            long actions = 0;
            Money reserved = Money.zero(currency);
            Money released = Money.zero(currency);
            Money settled = Money.zero(currency);
            Money charged = Money.zero(currency);
            for (StatementLine line : lines) {
                actions += line.actionsPaid();
                reserved = reserved.plus(line.reserved());
                released = released.plus(line.released());
                settled = settled.plus(line.settled());
                charged = charged.plus(line.charged());
            }
            return new Totals(actions, reserved, released, settled, charged);
        }
    }
}
