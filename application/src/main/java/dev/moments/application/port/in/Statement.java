package dev.moments.application.port.in;

import dev.moments.application.port.StatementLine;
import dev.moments.domain.shared.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a partner's moments cost in one UTC calendar month: one line per moment with ledger entries in the month, in
 * moment id order, and their totals; and the partner's monthly cap with what counts against it in the month.
 *
 * @param currency the partner's currency, which every budget and amount is in
 * @param monthlyCap the partner's monthly spending cap as it is now (caps keep no history), {@code null} for none
 * @param chargedAgainstCap what counts against a monthly cap in the month: the reservations made in it, less those
 *                          of them released in it (see {@code PartnerSpending#charged})
 */
public record Statement(YearMonth month, Currency currency, List<StatementLine> lines, Totals totals,
                        Money monthlyCap, Money chargedAgainstCap) {

    public Statement {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(chargedAgainstCap, "chargedAgainstCap");
    }

    /**
     * The statement of these lines, with their totals computed (zero in {@code currency} when there are none), of a
     * partner without a monthly cap whose month charged nothing against one.
     */
    public static Statement of(YearMonth month, Currency currency, List<StatementLine> lines) {
        return of(month, currency, lines, null, Money.zero(currency));
    }

    /** The statement of these lines, with their totals computed, and the partner's cap and its month's charges. */
    public static Statement of(YearMonth month, Currency currency, List<StatementLine> lines, Money monthlyCap,
                               Money chargedAgainstCap) {
        return new Statement(month, currency, lines, Totals.of(currency, lines), monthlyCap, chargedAgainstCap);
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
