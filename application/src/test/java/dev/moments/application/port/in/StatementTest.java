package dev.moments.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.StatementLine;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partner's monthly statement: its lines and their totals. */
class StatementTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private static StatementLine line(String moment, long actions, String reserved, String released, String settled,
                                      String charged) {
        return new StatementLine(new MomentId(moment), moment, actions, Money.of(reserved, USD),
                Money.of(released, USD), Money.of(settled, USD), Money.of(charged, USD));
    }

    @Test
    void theTotalsAddUpTheLines() {
        Statement statement = Statement.of(MONTH, USD, List.of(line("mom_a", 2, "20.00", "5.00", "10.00", "15.00"),
                line("mom_b", 3, "30.00", "0.00", "30.00", "30.00")));

        assertThat(statement.totals().actionsPaid()).isEqualTo(5);
        assertThat(statement.totals().reserved()).isEqualTo(Money.of("50.00", USD));
        assertThat(statement.totals().released()).isEqualTo(Money.of("5.00", USD));
        assertThat(statement.totals().settled()).isEqualTo(Money.of("40.00", USD));
        assertThat(statement.totals().charged()).isEqualTo(Money.of("45.00", USD));
        assertThat(statement.lines()).hasSize(2);
    }

    @Test
    void aStatementWithoutLinesOrCap_totalsZeroAndChargedNothingAgainstACap() {
        Statement statement = Statement.of(MONTH, USD, List.of());

        assertThat(statement.totals().actionsPaid()).isZero();
        assertThat(statement.totals().charged()).isEqualTo(Money.zero(USD));
        assertThat(statement.monthlyCap()).isNull();
        assertThat(statement.chargedAgainstCap()).isEqualTo(Money.zero(USD));
        assertThat(statement.month()).isEqualTo(MONTH);
    }
}
