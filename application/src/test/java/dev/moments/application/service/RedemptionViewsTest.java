package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.trigger.EventTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a redemption link shows: the options offered now, and the delivery of what was claimed. */
class RedemptionViewsTest extends ClaimTestSupport {

    @Test
    void aClaimedRewardTheMomentNoLongerOffersStillNamesItsDelivery() {
        RewardId credit = reward("sandbox");
        RewardId other = reward("CREDIT", "2.00", "sandbox", java.util.Set.of());
        MomentId moment = live("100.00", null, credit);
        String token = earn("u-1");
        app.redemption.claim(token, new Claim(credit, null, null));

        app.moments.change(partner, moment, LifecycleAction.PAUSE);
        app.moments.edit(partner, moment, current -> new CreateMomentCommand(partner, "Order",
                new EventTrigger("order", null), null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(other.value()), null, null,
                new Messages("You earned it!", "On its way.")));

        Redemption redemption = app.redemption.preview(token);
        assertThat(redemption.options()).extracting(option -> option.rewardId()).containsExactly(other);
        assertThat(redemption.delivery().rewardId()).isEqualTo(credit);
        assertThat(redemption.delivery().rewardName()).isEqualTo("CREDIT sandbox");
    }
}
