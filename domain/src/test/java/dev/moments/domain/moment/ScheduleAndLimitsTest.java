package dev.moments.domain.moment;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleAndLimitsTest {

    private final Schedule december = new Schedule(NOW, NOW.plus(Duration.ofDays(31)), ZoneId.of("America/New_York"));

    @Test
    void aScheduleCountsFromItsStartUpToButExcludingItsEnd() {
        assertThat(december.contains(NOW)).isTrue();
        assertThat(december.contains(NOW.minusNanos(1000))).isFalse();
        assertThat(december.contains(NOW.plus(Duration.ofDays(31)).minusSeconds(1))).isTrue();
        assertThat(december.contains(NOW.plus(Duration.ofDays(31)))).isFalse();
    }

    @Test
    void aScheduleWithoutEndCountsForever() {
        assertThat(Schedule.from(NOW).contains(NOW.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void aScheduleMustEndAfterItStarts() {
        assertThatThrownBy(() -> new Schedule(NOW, NOW, ZoneId.of("UTC")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("schedule.endsAt");
    }

    @Test
    void limitsDefaultToOneAwardPerUserRedeemableAtOnce() {
        Limits limits = Limits.defaults();
        assertThat(limits.perUser()).isEqualTo(1);
        assertThat(limits.redeemAfter()).isZero();
        assertThat(limits.claimWithin()).isNull();
    }

    @Test
    void zeroOrNegativeLimitsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Limits(0, null, null, Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.perUser");
        assertThatThrownBy(() -> new Limits(1, 0, null, Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.perDevice");
        assertThatThrownBy(() -> new Limits(1, null, Duration.ofHours(-1), Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.cooldown");
        assertThatThrownBy(() -> new Limits(1, null, null, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.claimWithin");
    }

    @Test
    void perUserAndPerDeviceLimitsGoUpToTenThousand() {
        int most = Limits.MAX_PER_USER;
        assertThat(new Limits(most, most, null, Duration.ZERO, null).perDevice()).isEqualTo(10_000);
        assertThatThrownBy(() -> new Limits(most + 1, null, null, Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.perUser");
        assertThatThrownBy(() -> new Limits(1, most + 1, null, Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.perDevice");
    }

    @Test
    void noDurationIsNegative_andTheRefusalNamesItWithoutItsPrefix() {
        assertThatThrownBy(() -> new Limits(1, null, Duration.ofHours(-1), Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).hasMessage("cooldown must not be negative");
        assertThatThrownBy(() -> new Limits(1, null, null, Duration.ofSeconds(-1), null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.redeemAfter");
        assertThatThrownBy(() -> new Limits(1, null, null, Duration.ZERO, Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.claimWithin");
    }

    @Test
    void everyDurationIsAtMostTenYears() {
        Duration tenYears = Limits.MAX_DURATION;
        Limits longest = new Limits(1, null, tenYears, tenYears, tenYears);
        assertThat(longest.claimWithin()).isEqualTo(Duration.ofDays(3650));

        Duration longer = tenYears.plusSeconds(1);
        assertThatThrownBy(() -> new Limits(1, null, longer, Duration.ZERO, null))
                .isInstanceOf(InvalidValueException.class).hasMessage("cooldown must be at most ten years");
        assertThatThrownBy(() -> new Limits(1, null, null, longer, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.redeemAfter");
        assertThatThrownBy(() -> new Limits(1, null, null, Duration.ZERO, longer))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("limits.claimWithin");
    }
}
