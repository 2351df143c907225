package dev.moments.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.PartnerSpending.Cap;
import dev.moments.domain.shared.Money;
import org.junit.jupiter.api.Test;

/** A monthly cap refuses only what would take the month's charges beyond it. */
class PartnerSpendingTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void aCapTakesChargesUpToItsLimit_andRefusesACentMore() {
        Cap cap = new Cap(usd("30.00"), usd("20.00"));

        assertThat(cap.refuses(usd("10.00"))).isFalse();
        assertThat(cap.refuses(usd("10.01"))).isTrue();
    }
}
