package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner's rewards: priced in its currency, each refusal naming the field at fault, and only its own. */
class RewardServiceTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;

    @BeforeEach
    void givenAPartner() {
        partner = app.partners.create(new CreatePartnerCommand("Acme", "USD")).partner().id();
    }

    private CreateRewardCommand reward(PartnerId owner, String cost, String currency) {
        return new CreateRewardCommand(owner, "Credit", "CREDIT", cost, currency, Set.of(), "sandbox", null, null);
    }

    @Test
    void aCreatedRewardIsFoundAndListedForItsPartnerOnly() {
        Reward created = app.rewards.create(reward(partner, "5.00", "USD"));
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();

        assertThat(app.rewards.get(partner, created.id())).isEqualTo(created);
        assertThat(app.rewards.list(partner, PageRequest.first()).items()).containsExactly(created);
        assertThat(app.rewards.list(other, PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> app.rewards.get(other, created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.rewards.get(partner, new RewardId("rwd_none")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRewardOfAnUnknownPartnerIsNotFound() {
        assertThatThrownBy(() -> app.rewards.create(reward(new PartnerId("ptn_none"), "5.00", "USD")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCostThatIsNotAnAmountIsRefusedAsTheCost() {
        assertThatThrownBy(() -> app.rewards.create(reward(partner, "five", "USD")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cost"));
        assertThatThrownBy(() -> app.rewards.create(reward(partner, "5.001", "USD")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cost"));
    }

    @Test
    void anUnknownCurrencyIsRefusedAsTheCurrency() {
        assertThatThrownBy(() -> app.rewards.create(reward(partner, "5.00", "XYZ")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> app.rewards.create(reward(partner, "5.00", "dollars")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @Test
    void aCostInAnotherCurrencyThanThePartnersIsRefused() {
        assertThatThrownBy(() -> app.rewards.create(reward(partner, "5.00", "EUR")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("currency");
                    assertThat(e.getMessage()).contains("USD");
                });
    }
}
