package dev.moments.domain.reward;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.PARTNER;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewardTest {

    private static Reward reward(String cost, Set<String> countries) {
        return new Reward(new RewardId("rwd_1"), PARTNER, "Collectible figure", RewardKind.PHYSICAL, usd(cost),
                countries, FulfillmentProvider.SANDBOX, null, null, NOW);
    }

    @Test
    void aRewardIdReadsAsItsValue_asMessagesNameIt() {
        assertThat(new RewardId("rwd_1")).hasToString("rwd_1");
    }

    @Test
    void aRewardWithoutCountriesCanGoAnywhere() {
        assertThat(reward("8.00", Set.of()).isAvailableIn("FR")).isTrue();
    }

    @Test
    void aRewardWithCountriesGoesOnlyThere() {
        Reward northAmerica = reward("8.00", Set.of("US", "CA"));
        assertThat(northAmerica.isAvailableIn("CA")).isTrue();
        assertThat(northAmerica.isAvailableIn("FR")).isFalse();
    }

    @Test
    void aNegativeCostIsRefusedNamingTheField() {
        assertThatThrownBy(() -> reward("-1.00", Set.of())).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("cost");
    }

    @Test
    void onlyPhysicalRewardsNeedAShippingAddress() {
        assertThat(RewardKind.PHYSICAL.needsShipping()).isTrue();
        assertThat(RewardKind.CREDIT.needsShipping()).isFalse();
    }

    @Test
    void providersAreParsedFromTheirApiNames() {
        assertThat(FulfillmentProvider.fromApiName("sandbox", "p")).isEqualTo(FulfillmentProvider.SANDBOX);
        assertThatThrownBy(() -> FulfillmentProvider.fromApiName("carrier-pigeon", "fulfillment.provider"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("sandbox");
    }
}
