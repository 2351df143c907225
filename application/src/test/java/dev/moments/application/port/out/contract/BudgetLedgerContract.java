package dev.moments.application.port.out.contract;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What every {@code BudgetLedger} must do. */
public abstract class BudgetLedgerContract extends ContractSupport {

    private boolean reserve(MomentId moment, String amount, Instant at) {
        return tx(() -> ports().ledger().reserve(moment, usd(amount), new AwardId(unique("awd_")), at));
    }

    @Test
    void anOpenedBudgetHasNothingReservedOrSpent() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget).isEqualTo(Budget.open(moment.id(), usd("20.00"), null, usd("10.00")));
    }

    @Test
    void aBudgetReservesUpToItsTotalAndNotOneCentMore() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        assertThat(reserve(moment.id(), "10.00", AT)).isTrue();
        assertThat(reserve(moment.id(), "9.99", AT)).isTrue();
        assertThat(reserve(moment.id(), "0.02", AT)).isFalse();
        assertThat(reserve(moment.id(), "0.01", AT)).isTrue();
        assertThat(reserve(moment.id(), "0.01", AT)).isFalse();

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("20.00"));
        assertThat(budget.remaining()).isEqualTo(usd("0.00"));
    }

    @Test
    void aReservationIsVisibleToAFindInTheSameTransaction() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "20.00", "10.00");
        Budget after = tx(() -> {
            ports().ledger().find(moment.id());
            ports().ledger().reserve(moment.id(), usd("10.00"), new AwardId(unique("awd_")), AT);
            return ports().ledger().find(moment.id()).orElseThrow();
        });
        assertThat(after.reserved()).isEqualTo(usd("10.00"));
    }

    @Test
    void aTopUpRaisesTheTotalSoAnExhaustedBudgetPaysAgain() {
        Moment moment = givenMoment(givenPartner(), aMoment(), "10.00", "10.00");
        assertThat(reserve(moment.id(), "10.00", AT)).isTrue();
        assertThat(tx(() -> ports().ledger().find(moment.id())).orElseThrow().canPayOneAction()).isFalse();

        txRun(() -> ports().ledger().topUp(moment.id(), usd("10.00"), AT));

        Budget budget = tx(() -> ports().ledger().find(moment.id())).orElseThrow();
        assertThat(budget.total()).isEqualTo(usd("20.00"));
        assertThat(budget.canPayOneAction()).isTrue();
        assertThat(reserve(moment.id(), "10.00", AT)).isTrue();
    }

    @Test
    void theStateCountsTodaysChargesInTheMomentsTimeZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Moment moment = givenMoment(givenPartner(), aMoment().schedule(new Schedule(AT, null, newYork)),
                "100.00", "10.00");
        Instant lateEveningInNewYork = Instant.parse("2026-11-26T04:30:00Z"); // 23:30 on the 25th in New York
        Instant nextMorningInNewYork = Instant.parse("2026-11-26T05:30:00Z"); // 00:30 on the 26th
        reserve(moment.id(), "10.00", lateEveningInNewYork);
        reserve(moment.id(), "10.00", nextMorningInNewYork);
        reserve(moment.id(), "10.00", nextMorningInNewYork.plusSeconds(60));

        BudgetState onTheTwentySixth = tx(() -> ports().ledger().state(moment.id(), newYork,
                Instant.parse("2026-11-26T12:00:00Z")));
        assertThat(onTheTwentySixth.spentToday()).isEqualTo(usd("20.00"));
        assertThat(onTheTwentySixth.reserved()).isEqualTo(usd("30.00"));
        assertThat(onTheTwentySixth.spent()).isEqualTo(usd("0.00"));
        assertThat(onTheTwentySixth.remaining()).isEqualTo(usd("70.00"));

        BudgetState inUtc = tx(() -> ports().ledger().state(moment.id(), ZoneId.of("UTC"),
                Instant.parse("2026-11-26T12:00:00Z")));
        assertThat(inUtc.spentToday()).isEqualTo(usd("30.00"));
    }
}
