package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code RewardRepository} must do. */
public abstract class RewardRepositoryContract extends ContractSupport {

    @Test
    void aStoredRewardIsFoundAsItWasStored() {
        Partner partner = givenPartner();
        Reward reward = givenReward(partner);
        assertThat(tx(() -> ports().rewards().find(partner.id(), reward.id()))).contains(reward);
    }

    @Test
    void anotherPartnersRewardIsNotFound() {
        Reward reward = givenReward(givenPartner());
        Partner other = givenPartner();
        assertThat(tx(() -> ports().rewards().find(other.id(), reward.id()))).isEmpty();
        assertThat(tx(() -> ports().rewards().findAll(other.id(), List.of(reward.id())))).isEmpty();
    }

    @Test
    void findAllReturnsOnlyThePartnersRewardsAmongTheIds() {
        Partner partner = givenPartner();
        Reward first = givenReward(partner);
        Reward second = givenReward(partner);
        givenReward(partner);
        List<Reward> found = tx(() -> ports().rewards().findAll(partner.id(),
                List.of(first.id(), second.id(), new RewardId(unique("rwd_")))));
        assertThat(found).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aCatalogIsListedPageByPageWithoutGapsOrRepeats() {
        Partner partner = givenPartner();
        List<Reward> stored = List.of(givenReward(partner), givenReward(partner), givenReward(partner));

        Page<Reward> first = tx(() -> ports().rewards().list(partner.id(), new PageRequest(2, null)));
        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).isNotNull();
        Page<Reward> second = tx(() -> ports().rewards().list(partner.id(), new PageRequest(2, first.next())));
        assertThat(second.items()).hasSize(1);
        assertThat(second.next()).isNull();

        assertThat(first.items()).doesNotContainAnyElementsOf(second.items());
        assertThat(List.of(first.items(), second.items()).stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(stored);
    }
}
