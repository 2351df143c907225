package dev.moments.domain.award;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.PARTNER;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.moment.MomentId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwardTest {

    private final Award earned = new Award(new AwardId("awd_1"), PARTNER, new MomentId("mom_1"), "u-1", null, 1,
            AwardStatus.EARNED, usd("10.00"), false, "evt-1", "0".repeat(64), NOW, NOW.plus(Duration.ofHours(1)),
            NOW.plus(Duration.ofDays(30)), NOW);

    @Test
    void anEarnedAwardIsClaimedThenFulfilled() {
        Award fulfilled = earned.moveTo(AwardStatus.CLAIMED, NOW).moveTo(AwardStatus.FULFILLING, NOW)
                .moveTo(AwardStatus.FULFILLED, NOW);
        assertThat(fulfilled.status()).isEqualTo(AwardStatus.FULFILLED);
    }

    @Test
    void anAwardCannotBeClaimedTwice() {
        Award claimed = earned.moveTo(AwardStatus.CLAIMED, NOW);
        assertThatThrownBy(() -> claimed.moveTo(AwardStatus.CLAIMED, NOW))
                .isInstanceOf(InvalidAwardTransitionException.class).hasMessageContaining("CLAIMED");
    }

    @Test
    void aClaimedAwardCanNoLongerExpireOrBeCancelled() {
        Award claimed = earned.moveTo(AwardStatus.CLAIMED, NOW);
        assertThatThrownBy(() -> claimed.moveTo(AwardStatus.EXPIRED, NOW)).isInstanceOf(InvalidAwardTransitionException.class);
        assertThatThrownBy(() -> claimed.moveTo(AwardStatus.CANCELLED, NOW)).isInstanceOf(InvalidAwardTransitionException.class);
    }

    @Test
    void finalStatusesLeadNowhere() {
        for (AwardStatus status : new AwardStatus[] {AwardStatus.FULFILLED, AwardStatus.FAILED, AwardStatus.EXPIRED,
                AwardStatus.CANCELLED}) {
            assertThat(status.next()).as("%s", status).isEmpty();
        }
    }

    @Test
    void onlyAnUnclaimedAwardHoldsAReservation() {
        assertThat(AwardStatus.EARNED.holdsReservation()).isTrue();
        assertThat(AwardStatus.PENDING_REVIEW.holdsReservation()).isTrue();
        assertThat(AwardStatus.CLAIMED.holdsReservation()).isFalse();
        assertThat(AwardStatus.CANCELLED.holdsReservation()).isFalse();
    }

    @Test
    void theLinkWorksFromRedeemAfterUntilItExpires() {
        assertThat(earned.isRedeemableAt(NOW)).isFalse();
        assertThat(earned.isRedeemableAt(NOW.plus(Duration.ofHours(1)))).isTrue();
        Instant expiry = NOW.plus(Duration.ofDays(30));
        assertThat(earned.isExpiredAt(expiry.minusSeconds(1))).isFalse();
        assertThat(earned.isExpiredAt(expiry)).isTrue();
        assertThat(earned.isRedeemableAt(expiry)).isFalse();
    }

    @Test
    void completionsCountFromOne() {
        assertThatThrownBy(() -> new Award(new AwardId("awd_2"), PARTNER, new MomentId("mom_1"), "u-1", null, 0,
                AwardStatus.EARNED, usd("10.00"), false, "evt-1", "0".repeat(64), NOW, NOW, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReservationIsNeverNegative_zeroIsTheLeast() {
        assertThatThrownBy(() -> new Award(new AwardId("awd_2"), PARTNER, new MomentId("mom_1"), "u-1", null, 1,
                AwardStatus.EARNED, usd("-0.01"), false, "evt-1", "0".repeat(64), NOW, NOW, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThat(new Award(new AwardId("awd_3"), PARTNER, new MomentId("mom_1"), "u-1", null, 1, AwardStatus.EARNED,
                usd("0.00"), true, "evt-1", "0".repeat(64), NOW, NOW, null, NOW).reserved()).isEqualTo(usd("0.00"));
    }

    @Test
    void aRefusedTransitionNamesBothStatuses_underItsProblemCode() {
        Award claimed = earned.moveTo(AwardStatus.CLAIMED, NOW);

        assertThatThrownBy(() -> claimed.moveTo(AwardStatus.EXPIRED, NOW))
                .isInstanceOfSatisfying(InvalidAwardTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(AwardStatus.CLAIMED);
                    assertThat(e.to()).isEqualTo(AwardStatus.EXPIRED);
                    assertThat(e.code()).isEqualTo("invalid-award-transition");
                });
    }

    @Test
    void anIdIsWrittenAsItsValue() {
        assertThat(new AwardId("awd_1")).hasToString("awd_1");
    }
}
