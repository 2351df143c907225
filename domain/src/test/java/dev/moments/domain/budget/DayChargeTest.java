package dev.moments.domain.budget;

import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.Money;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** A moment's charges of one day against its daily cap: a new day starts from zero, refunds shrink only their day. */
class DayChargeTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final Money CAP = usd("10.00");

    @Test
    void nothingCharged_allowsUpToTheCap_andNoCapAllowsAnything() {
        DayCharge none = DayCharge.none(Currency.getInstance("USD"));

        assertThat(none.chargedOn(MONDAY)).isEqualTo(usd("0"));
        assertThat(none.allows(MONDAY, usd("10.00"), CAP)).isTrue();
        assertThat(none.allows(MONDAY, usd("10.01"), CAP)).isFalse();
        assertThat(none.allows(MONDAY, usd("1000000.00"), null)).isTrue();
    }

    @Test
    void chargesAddUpWithinADay_andTheCapIsReachedExactly() {
        DayCharge monday = DayCharge.none(Currency.getInstance("USD")).charge(MONDAY, usd("4.00"))
                .charge(MONDAY, usd("4.00"));

        assertThat(monday).isEqualTo(new DayCharge(MONDAY, usd("8.00")));
        assertThat(monday.allows(MONDAY, usd("2.00"), CAP)).isTrue();
        assertThat(monday.allows(MONDAY, usd("2.01"), CAP)).isFalse();
    }

    @Test
    void aNewDayStartsFromZero_butAnEarlierClockReadNeverResetsANewerDay() {
        DayCharge monday = new DayCharge(MONDAY, usd("9.00"));

        assertThat(monday.chargedOn(TUESDAY)).isEqualTo(usd("0"));
        assertThat(monday.allows(TUESDAY, usd("10.00"), CAP)).isTrue();
        assertThat(monday.charge(TUESDAY, usd("3.00"))).isEqualTo(new DayCharge(TUESDAY, usd("3.00")));

        DayCharge tuesday = new DayCharge(TUESDAY, usd("9.00"));
        assertThat(tuesday.chargedOn(MONDAY)).as("read just before midnight").isEqualTo(usd("9.00"));
        assertThat(tuesday.allows(MONDAY, usd("2.00"), CAP)).isFalse();
        assertThat(tuesday.charge(MONDAY, usd("1.00"))).isEqualTo(new DayCharge(TUESDAY, usd("10.00")));
    }

    @Test
    void aRefundShrinksOnlyTheDayItWasReservedOn_neverBelowZero() {
        DayCharge tuesday = new DayCharge(TUESDAY, usd("6.00"));

        assertThat(tuesday.refund(TUESDAY, usd("2.00"))).isEqualTo(new DayCharge(TUESDAY, usd("4.00")));
        assertThat(tuesday.refund(MONDAY, usd("2.00"))).as("yesterday's reservation").isSameAs(tuesday);
        assertThat(tuesday.refund(TUESDAY, usd("7.00"))).isEqualTo(new DayCharge(TUESDAY, usd("0")));
        assertThat(DayCharge.none(Currency.getInstance("USD")).refund(TUESDAY, usd("1.00")).charged())
                .isEqualTo(usd("0"));
    }

    @Test
    void aDaysChargesAreNeverNegative() {
        assertThatThrownBy(() -> new DayCharge(MONDAY, usd("-0.01"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DayCharge(MONDAY, null)).isInstanceOf(NullPointerException.class);
    }
}
