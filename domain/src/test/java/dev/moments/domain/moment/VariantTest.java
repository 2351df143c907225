package dev.moments.domain.moment;

import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A moment's variants: how they are checked, how users are spread over them, whose price and rewards apply. */
class VariantTest {

    private static final RewardId CHEAP = new RewardId("rwd_cheap");
    private static final Variant A = new Variant("A", 1, usd("5.00"), List.of(CHEAP));
    private static final Variant B = new Variant("B", 3, null, List.of());

    @Test
    void usersAreSpreadInProportionToTheWeights_theSameWayEveryTime() {
        MomentId moment = new MomentId("mom_ab");
        Map<String, Integer> counts = new HashMap<>();
        int users = 40_000;
        for (int i = 0; i < users; i++) {
            Variant variant = VariantBucket.of(moment, "user-" + i, List.of(A, B));
            counts.merge(variant.name(), 1, Integer::sum);
            assertThat(VariantBucket.of(moment, "user-" + i, List.of(A, B))).isSameAs(variant);
        }
        assertThat(counts.get("A") / (double) users).isCloseTo(0.25, within(0.01));
        assertThat(counts.get("B") / (double) users).isCloseTo(0.75, within(0.01));
    }

    @Test
    void theSplitDoesNotLeanOnTheHoldoutsSplit() {
        MomentId moment = new MomentId("mom_ab");
        int heldOutA = 0;
        int heldOut = 0;
        for (int i = 0; i < 40_000; i++) {
            String user = "user-" + i;
            if (HoldoutBucket.of(moment, user) < 50) {
                heldOut++;
                if (VariantBucket.of(moment, user, List.of(A, new Variant("B", 1, null, null))).name().equals("A")) {
                    heldOutA++;
                }
            }
        }
        assertThat(heldOutA / (double) heldOut).isCloseTo(0.5, within(0.02));
    }

    @Test
    void aVariantOffersItsOwnRewards_orTheMoments() {
        Moment moment = MomentBuilder.aMoment().rewards(new RewardId("rwd_test")).variants(A, B).build();
        assertThat(moment.rewardsOf("A")).containsExactly(CHEAP);
        assertThat(moment.rewardsOf("B")).containsExactly(new RewardId("rwd_test"));
        assertThat(moment.rewardsOf(null)).containsExactly(new RewardId("rwd_test"));
        assertThat(moment.rewardsOf("removed")).containsExactly(new RewardId("rwd_test"));
        assertThat(moment.variantOf("user-1")).isIn(A, B);
        assertThat(MomentBuilder.aMoment().build().variantOf("user-1")).isNull();
    }

    @Test
    void aMomentTestsTwoToTenVariantsOfDistinctNames_eachWithAWeightAndAPositivePrice() {
        assertThatThrownBy(() -> MomentBuilder.aMoment().variants(A).build()).extracting("field")
                .isEqualTo("variants");
        assertThatThrownBy(() -> MomentBuilder.aMoment().variants(A, A).build()).extracting("field")
                .isEqualTo("variants");
        Variant[] eleven = new Variant[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = new Variant("V" + i, 1, null, null);
        }
        assertThatThrownBy(() -> MomentBuilder.aMoment().variants(eleven).build()).extracting("field")
                .isEqualTo("variants");
        assertThatThrownBy(() -> new Variant("A", 0, null, null)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("weight");
        assertThatThrownBy(() -> new Variant("A", 1001, null, null)).extracting("field").isEqualTo("weight");
        assertThatThrownBy(() -> new Variant("A", 1, usd("0.00"), null)).extracting("field")
                .isEqualTo("costPerAction");
        assertThatThrownBy(() -> new Variant(" ", 1, null, null)).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> new Variant("A", 1, null, List.of(CHEAP, CHEAP))).extracting("field")
                .isEqualTo("rewards");
    }
}
