package dev.moments.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Duration NOW = Duration.ZERO;

    @Test
    void theDefaultIsTenDelaysFromFiveSecondsToEightHours() {
        RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);

        assertThat(schedule.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8));
        assertThat(schedule.total()).isEqualTo(Duration.parse("PT23H42M35S"));
        assertThat(schedule.span()).as("the contract's at least 24 hours").isEqualTo(Duration.ofHours(24));
    }

    @Test
    void onceTheDelaysAreUsedUp_theLastOneRepeatsUntilTheEventIsAsOldAsTheSpan() {
        RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);
        // the eleventh attempt failed when every delay was shortened by the jitter: 19 h after the event
        Duration early = Duration.parse("PT19H");

        assertThat(schedule.delayAfter(11, early, 0.5)).contains(Duration.ofHours(8));
        assertThat(schedule.delayAfter(12, Duration.ofHours(27), 0.5)).isEmpty();
        assertThat(schedule.delayAfter(11, Duration.ofHours(24), 0.5)).as("24 h: done").isEmpty();
        assertThat(RetrySchedule.parse("10s").retryingFor(Duration.ZERO).delayAfter(2, Duration.ZERO, 0.5))
                .as("no span: only the listed delays").isEmpty();
        assertThatThrownBy(() -> schedule.retryingFor(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyUnitAndBlanksAroundEntriesAreRead() {
        assertThat(RetrySchedule.parse("100ms, 2s ,3m,4h,1d").delays()).containsExactly(Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofMinutes(3), Duration.ofHours(4), Duration.ofDays(1));
    }

    @Test
    void aScheduleReadsAsItsDelays_asTheWebhookSettingsShowIt() {
        assertThat(RetrySchedule.parse("100ms, 2s")).hasToString("[PT0.1S, PT2S]");
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", " ", "5s,", ",5s", "5s,,30s", "5", "5 s", "-5s", "0s", "1.5s", "5S",
                "PT5S", "5sec", "5s;30s", "99999999999s"}) {
            assertThatThrownBy(() -> RetrySchedule.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RetrySchedule.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RetrySchedule.parse("1s,".repeat(49) + "1s").delays()).hasSize(50);
        assertThatThrownBy(() -> RetrySchedule.parse("1s,".repeat(50) + "1s"))
                .hasMessageContaining("at most 50");
    }

    @Test
    void theNthFailureWaitsTheNthDelay_give_or_take20Percent_thenTheScheduleIsUsedUp() {
        RetrySchedule schedule = RetrySchedule.parse("10s,1m").retryingFor(Duration.ZERO);

        assertThat(schedule.delayAfter(1, NOW, 0.5)).contains(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(1, NOW, 0.0)).contains(Duration.ofSeconds(8));
        assertThat(schedule.delayAfter(2, NOW, 0.0)).contains(Duration.ofSeconds(48));
        assertThat(schedule.delayAfter(2, NOW, 0.999999)).hasValueSatisfying(delay ->
                assertThat(delay).isGreaterThan(Duration.ofSeconds(71)).isLessThan(Duration.ofSeconds(72)));
        assertThat(schedule.delayAfter(3, NOW, 0.5)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> schedule.delayAfter(0, NOW, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.delayAfter(1, NOW, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
