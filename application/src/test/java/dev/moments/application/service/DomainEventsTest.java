package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Report;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.reward.RewardId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What partners will be told: each domain event becomes one outbox row of its contract type (docs/api.md,
 * Webhooks), raised in the transaction of the change it describes.
 */
class DomainEventsTest extends ClaimTestSupport {

    private List<OutboxEvent> events() {
        return app.outbox.recent(partner, 1000);
    }

    private List<String> types() {
        return events().stream().map(OutboxEvent::type).toList();
    }

    @Test
    void aLaunchedMomentThatPaysUntilItsBudgetIsGone_tellsEachStep() {
        RewardId card = reward("sandbox");
        MomentId moment = live("20.00", null, card);
        earn("u-1");
        earn("u-2");

        assertThat(types()).containsExactly("moment.status_changed", "award.earned", "award.earned", "budget.low",
                "moment.status_changed", "budget.exhausted");
        OutboxEvent earned = events().get(1);
        assertThat(earned.id()).startsWith(OutboxEvent.ID_PREFIX);
        assertThat(earned.data()).containsKeys("id", "momentId", "userId", "status", "test", "completion",
                "reserved", "currency", "eventId", "earnedAt", "redeemableAt", "updatedAt")
                .containsEntry("momentId", moment.value()).containsEntry("status", "EARNED")
                .containsEntry("reserved", "10.00").containsEntry("completion", 1);
        assertThat(events().get(0).data()).containsEntry("from", "DRAFT").containsEntry("status", "LIVE");
        assertThat(events().get(4).data()).containsEntry("from", "LIVE").containsEntry("status", "EXHAUSTED");
    }

    @Test
    void aClaimAndItsDelivery_areToldOnce_each() {
        RewardId card = reward("webhook");
        live("100.00", null, card);
        String token = earn("u-1");
        AwardId award = app.redemption.claim(token, new Claim(card, null, null)).awardId();
        Report delivered = new Report(award, partner, FulfillmentStatus.FULFILLED, "ref-1", null, null);
        app.reportFulfillment.report(delivered);
        app.reportFulfillment.report(delivered);

        assertThat(types()).containsSubsequence("award.earned", "award.claimed", "fulfillment.updated");
        assertThat(types()).filteredOn("fulfillment.updated"::equals).as("a report repeated is told once")
                .hasSize(1);
        assertThat(types()).filteredOn("award.claimed"::equals).hasSize(1);
        OutboxEvent claimed = events().stream().filter(e -> e.type().equals("award.claimed")).findFirst()
                .orElseThrow();
        assertThat(claimed.data()).containsEntry("rewardId", card.value()).containsEntry("provider", "webhook");
    }

    @Test
    void anAwardThatEndsUnclaimed_isToldAsCancelledOrExpired() {
        RewardId card = reward("sandbox");
        live("100.00", null, card);
        AwardId cancelled = award(earn("u-1")).award().id();
        app.cancelAward.cancel(partner, cancelled);

        assertThat(events()).filteredOn(e -> e.type().equals("award.cancelled")).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("id", cancelled.value())
                        .containsEntry("status", "CANCELLED"));
    }

    @Test
    void aPausedMoment_isToldWithTheStatusItCameFrom() {
        RewardId card = reward("sandbox");
        MomentId moment = live("100.00", null, card);
        app.moments.change(partner, moment, LifecycleAction.PAUSE);

        assertThat(events().get(events().size() - 1).data()).containsEntry("from", "LIVE")
                .containsEntry("status", "PAUSED").containsEntry("momentId", moment.value());
    }
}
