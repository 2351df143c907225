package dev.moments.domain.moment;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    @Test
    void withoutAHoldoutShareNobodyIsHeldOut() {
        Moment moment = aMoment().build();
        assertThat(IntStream.range(0, 1000).anyMatch(i -> moment.holdsOut("u-" + i))).isFalse();
    }

    @Test
    void aUserIsAlwaysOnTheSameSide() {
        Moment moment = aMoment().holdoutPercent(50).build();
        for (int i = 0; i < 100; i++) {
            assertThat(moment.holdsOut("u-" + i)).isEqualTo(moment.holdsOut("u-" + i));
        }
    }

    @Test
    void aTenPercentHoldoutHoldsOutAboutTenPercentOfUsers() {
        Moment moment = aMoment().holdoutPercent(10).build();
        long heldOut = IntStream.range(0, 10_000).filter(i -> moment.holdsOut("user-" + i)).count();
        assertThat(heldOut).isBetween(850L, 1150L);
    }

    @Test
    void theSameUserMayFallOnDifferentSidesOfDifferentMoments() {
        Moment first = aMoment().id("mom_a").holdoutPercent(50).build();
        Moment second = aMoment().id("mom_b").holdoutPercent(50).build();
        long disagreements = IntStream.range(0, 1000)
                .filter(i -> first.holdsOut("u-" + i) != second.holdsOut("u-" + i)).count();
        assertThat(disagreements).isBetween(350L, 650L);
    }

    /**
     * The bucket is public so that a partner can tell a user's arm on their own: these are Python's
     * {@code int.from_bytes(hashlib.sha256(b"mom_test\0u-1").digest()[:8], "big") % 100} and the like.
     */
    @Test
    void theBucketIsTheFirst64BitsOfSha256OfMomentNulUser_moduloAHundred() {
        assertThat(HoldoutBucket.of(new MomentId("mom_test"), "u-1")).isEqualTo(7);
        assertThat(HoldoutBucket.of(new MomentId("mom_test"), "u-2")).isEqualTo(42);
        assertThat(HoldoutBucket.of(new MomentId("mom_a"), "alice")).isEqualTo(72);
        assertThat(HoldoutBucket.of(new MomentId("mom_b"), "bob")).isEqualTo(61);
    }

    @Test
    void aShareOfPercentHoldsOutTheBucketsBelowIt() {
        // u-1 falls in bucket 7 of mom_test
        assertThat(aMoment().holdoutPercent(7).build().holdsOut("u-1")).isFalse();
        assertThat(aMoment().holdoutPercent(8).build().holdsOut("u-1")).isTrue();
    }
}
