package dev.moments.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.StatementLine;
import dev.moments.application.port.in.Statement;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCsvTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void writesAHeaderAndOneRowPerMomentQuotingPerRfc4180() {
        Statement statement = Statement.of(YearMonth.of(2026, 11), Currency.getInstance("USD"), List.of(
                new StatementLine(new MomentId("mom_a"), "Plain", 2, usd("20"), usd("0"), usd("5"), usd("20")),
                new StatementLine(new MomentId("mom_b"), "Say \"hi\", then\nbuy", 1, usd("10"), usd("10"), usd("0"),
                        usd("0"))));

        assertThat(StatementCsv.of(statement)).isEqualTo(
                "moment_id,name,actions_paid,reserved,released,settled,charged,currency\r\n"
                        + "mom_a,Plain,2,20.00,0.00,5.00,20.00,USD\r\n"
                        + "mom_b,\"Say \"\"hi\"\", then\nbuy\",1,10.00,10.00,0.00,0.00,USD\r\n");
    }

    @Test
    void aMomentNameThatLooksLikeAFormulaIsShownNotEvaluatedWhileNegativeAmountsStayNumbers() {
        Statement statement = Statement.of(YearMonth.of(2026, 11), Currency.getInstance("USD"), List.of(
                new StatementLine(new MomentId("mom_a"), "=HYPERLINK(\"x\")", 0, usd("0"), usd("10"), usd("0"),
                        usd("-10"))));
        assertThat(StatementCsv.of(statement)).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains(",-10.00,");
        assertThat(StatementCsv.text("@cmd")).isEqualTo("'@cmd");
        assertThat(StatementCsv.text("Plain")).isEqualTo("Plain");
    }

    @Test
    void anEmptyStatementIsTheHeaderAlone() {
        Statement statement = Statement.of(YearMonth.of(2026, 11), Currency.getInstance("USD"), List.of());
        assertThat(StatementCsv.of(statement))
                .isEqualTo("moment_id,name,actions_paid,reserved,released,settled,charged,currency\r\n");
    }

    @Test
    void aMonthIsYearDashMonth() {
        assertThat(StatementResource.month("2026-11")).isEqualTo(YearMonth.of(2026, 11));
        for (String bad : new String[] {null, "", "2026-13", "2026-00", "2026-1", "11-2026", "2026-11-01", "now"}) {
            assertThatThrownBy(() -> StatementResource.month(bad)).as(bad)
                    .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("month");
        }
    }

    @Test
    void csvOnlyWhenPreferredToJson() {
        assertThat(StatementResource.wantsCsv(List.of(MediaType.valueOf("text/csv")))).isTrue();
        assertThat(StatementResource.wantsCsv(List.of(MediaType.WILDCARD_TYPE))).isFalse();
        assertThat(StatementResource.wantsCsv(List.of(MediaType.APPLICATION_JSON_TYPE))).isFalse();
        assertThat(StatementResource.wantsCsv(List.of())).isFalse();
        assertThat(StatementResource.wantsCsv(List.of(MediaType.valueOf("text/*"),
                MediaType.APPLICATION_JSON_TYPE))).isTrue();
    }
}
