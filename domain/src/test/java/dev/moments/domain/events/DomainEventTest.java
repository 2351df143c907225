package dev.moments.domain.events;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.webhook.WebhookEventTypes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The events partners hear about: each is one type of the webhook contract, about its award's or moment's partner. */
class DomainEventTest {

    private static final PartnerId PARTNER = new PartnerId("ptn_events");
    private static final Award AWARD = new Award(new AwardId("awd_1"), PARTNER, new MomentId("mom_1"), "u-1", null, 1,
            AwardStatus.EARNED, usd("10.00"), false, "evt-1", "0".repeat(64), NOW, NOW.plus(Duration.ofHours(1)),
            NOW.plus(Duration.ofDays(30)), NOW);
    private static final Moment MOMENT = aMoment().partner(PARTNER).status(MomentStatus.LIVE).build();
    private static final Budget BUDGET = Budget.open(MOMENT.id(), usd("100.00"), null, usd("10.00"));
    private static final Reward REWARD = new Reward(new RewardId("rwd_1"), PARTNER, "Gift card", RewardKind.DIGITAL_CODE,
            usd("10.00"), Set.of(), FulfillmentProvider.CODES, null, null, NOW);

    private static final List<DomainEvent> ONE_OF_EACH = List.of(
            new AwardEarned(AWARD, NOW),
            new AwardClaimed(AWARD, REWARD, FulfillmentProvider.CODES, null, null, NOW),
            new AwardExpired(AWARD, NOW),
            new AwardCancelled(AWARD, NOW),
            new FulfillmentUpdated(AWARD, REWARD.id(), FulfillmentProvider.CODES, FulfillmentStatus.FULFILLED,
                    "ref-1", null, NOW),
            new BudgetLow(MOMENT, BUDGET, NOW),
            new BudgetExhausted(MOMENT, BUDGET, NOW),
            new MomentStatusChanged(MOMENT, MomentStatus.DRAFT, NOW),
            new CodesLow(PARTNER, REWARD.id(), "Gift card", 3, NOW));

    @Test
    void eachEventIsNamedByItsOwnTypeOfTheWebhookContract() {
        assertThat(ONE_OF_EACH).extracting(DomainEvent::type)
                .containsExactlyInAnyOrderElementsOf(WebhookEventTypes.TYPES);
    }

    @Test
    void anEventConcernsThePartnerOfItsAwardOrMoment() {
        assertThat(ONE_OF_EACH).extracting(DomainEvent::partnerId).containsOnly(PARTNER);
    }
}
