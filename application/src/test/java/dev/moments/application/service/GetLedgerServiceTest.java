package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.LedgerEntry.Kind;
import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.Statement;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetLedgerServiceTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private Reward credit;

    @BeforeEach
    void givenAPartner() {
        partner = app.partners.create(new CreatePartnerCommand("Acme Games", "USD")).partner().id();
        credit = app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD", Set.of(),
                "sandbox", null, null));
    }

    private MomentId moment(String total) {
        return app.moments.create(new CreateMomentCommand(partner, "Reach level 10",
                new EventTrigger("level.reached", null), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", total, null, "10.00"), List.of(credit.id().value()),
                null, null, null)).moment().id();
    }

    @Test
    void theLedgerOfAMomentListsItsOpeningAndTopUps() {
        MomentId moment = moment("100.00");
        app.moments.topUp(partner, moment, "25.00");

        List<LedgerEntry> entries = app.statements.ledger(partner, moment, PageRequest.first()).items();

        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(Kind.TOP_UP, Kind.TOP_UP);
        assertThat(entries).extracting(e -> e.amount().toDecimalString()).containsExactly("100.00", "25.00");
    }

    @Test
    void anotherPartnersMomentIsNotFound() {
        MomentId moment = moment("100.00");
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();

        assertThatThrownBy(() -> app.statements.ledger(other, moment, PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThat(app.statements.statement(other, YearMonth.from(app.clock.now().atZone(ZoneOffset.UTC))).lines())
                .isEmpty();
    }

    @Test
    void theStatementOfAnUnknownPartnerIsNotFound() {
        assertThatThrownBy(() -> app.statements.statement(new PartnerId("ptn_unknown"),
                YearMonth.from(app.clock.now().atZone(ZoneOffset.UTC)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStatementTotalsItsLinesInThePartnersCurrency() {
        moment("100.00");
        moment("50.00");
        YearMonth month = YearMonth.from(app.clock.now().atZone(ZoneOffset.UTC));

        Statement statement = app.statements.statement(partner, month);

        assertThat(statement.month()).isEqualTo(month);
        assertThat(statement.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(statement.lines()).hasSize(2);
        assertThat(statement.totals().actionsPaid()).isZero();
        assertThat(statement.totals().charged()).isEqualTo(Money.of("0.00", "USD"));

        Statement empty = app.statements.statement(partner, month.plusMonths(1));
        assertThat(empty.lines()).isEmpty();
        assertThat(empty.totals().reserved().toDecimalString()).isEqualTo("0.00");
    }
}
