package dev.moments.bootstrap.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a setting {@code moments.rate-limit.*} may say. */
class RequestRateTest {

    @Test
    void aWholeNumberIsRequestsPerSecondWithBurstsOfTwiceThat() {
        RequestRate rate = RequestRate.parse(" 1000 ");

        assertThat(rate.perSecond()).isEqualTo(1000);
        assertThat(rate.burst()).isEqualTo(2000);
        assertThat(rate.isOff()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", " Off "})
    void offDisablesTheLimit(String value) {
        assertThat(RequestRate.parse(value)).isEqualTo(RequestRate.OFF);
        assertThat(RequestRate.OFF.isOff()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-1000", "1.5", "lots", "", "1000000001", "99999999999999999999"})
    void zeroNegativeAndOtherValuesAreRefusedWithAMessageSayingWhatIsExpected(String value) {
        assertThatThrownBy(() -> RequestRate.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a rate limit")
                .hasMessageContaining("'off'");
    }

    @Test
    void theConverterOfTheSettingsReadsTheSameWay() {
        assertThat(new RequestRateConverter().convert("20")).isEqualTo(new RequestRate(20));
        assertThatThrownBy(() -> new RequestRateConverter().convert("0")).hasMessageContaining("'0'");
    }
}
