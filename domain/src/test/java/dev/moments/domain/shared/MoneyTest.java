package dev.moments.domain.shared;

import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void anAmountTakesTheScaleOfItsCurrency() {
        assertThat(usd("10").toDecimalString()).isEqualTo("10.00");
        assertThat(Money.of("500", "JPY").toDecimalString()).isEqualTo("500");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        assertThatThrownBy(() -> usd("1.005")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 2 decimal places");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void timesCountsActionsExactly() {
        assertThat(usd("0.10").times(3)).isEqualTo(usd("0.30"));
        assertThat(usd("2.50").times(0)).isEqualTo(usd("0.00"));
        assertThat(Money.of("500", "JPY").times(7).toDecimalString()).isEqualTo("3500");
    }

    @Test
    void trailingZerosBeyondTheScaleAreHarmless() {
        assertThat(usd("10.0000")).isEqualTo(usd("10.00"));
    }

    @Test
    void unknownAndMalformedCurrenciesAreRefusedNamingTheCurrency() {
        assertThatThrownBy(() -> Money.of("1.00", "XYZ")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("currency");
        assertThatThrownBy(() -> Money.of("1.00", "usd")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.currency(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void malformedAndAbsurdAmountsAreRefused() {
        assertThatThrownBy(() -> usd("ten")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> usd("1e3")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> usd("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> usd("99999999999999")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void arithmeticIsExact() {
        Money sum = usd("0.10").plus(usd("0.20"));
        assertThat(sum).isEqualTo(usd("0.30"));
        assertThat(usd("10.00").minus(usd("10.01")).isNegative()).isTrue();
    }

    @Test
    void amountsOfDifferentCurrenciesNeverMix() {
        Money euros = Money.of("1.00", Currency.getInstance("EUR"));
        assertThatThrownBy(() -> usd("1.00").plus(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd("1.00").compareTo(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd("1.00").plus(euros)).hasMessage("expected an amount in USD but got EUR")
                .extracting(e -> ((DomainException) e).code()).isEqualTo("currency-mismatch");
    }

    @Test
    void comparisonsFollowTheAmount() {
        assertThat(usd("10.00").isGreaterThan(usd("9.99"))).isTrue();
        assertThat(usd("9.99").isLessThan(usd("10.00"))).isTrue();
        assertThat(usd("0.00").isZero()).isTrue();
        assertThat(usd("0.01").isPositive()).isTrue();
    }

    @Test
    void subtractingAnotherCurrency_isRefused_asAddingItIs() {
        Money eur = Money.of("1.00", "EUR");

        assertThatThrownBy(() -> usd("5.00").minus(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd("5.00").plus(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(usd("5.00").minus(usd("1.25"))).isEqualTo(usd("3.75"));
    }

    @Test
    void theLargestAmountIsJustBelowATrillion_eitherWay() {
        assertThat(Money.of("999999999999.99", "USD").toDecimalString()).isEqualTo("999999999999.99");
        assertThat(Money.of("-999999999999.99", "USD").isNegative()).isTrue();
        assertThatThrownBy(() -> Money.of("1000000000000", "USD")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> Money.of("-1000000000000", "USD")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void zeroSignAndText() {
        assertThat(usd("0").isZero()).isTrue();
        assertThat(usd("0.01").isZero()).isFalse();
        assertThat(usd("-0.01").isZero()).isFalse();
        assertThat(usd("12.5")).hasToString("12.50 USD");
    }
}
