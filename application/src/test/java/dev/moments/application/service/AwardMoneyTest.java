package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.RecordingMetrics;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Claimed;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Report;
import dev.moments.domain.award.Award;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.Money;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a claim, a delivery that fails for good and its refund do to the budget, the partner's month and the moment. */
class AwardMoneyTest extends ClaimTestSupport {

    /** What the money of {@link #awardMoneyCounting} counts. */
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void aRefundGivesTheCostBackToThePartnersMonth() {
        app.partners.setMonthlyCap(partner, "100.00");
        RewardId figure = reward("PHYSICAL", "8.00", "webhook", Set.of());
        live("100.00", null, figure);
        Claimed claimed = app.redemption.claim(earn("u-1"), new Claim(figure, ADDRESS, null));
        assertThat(chargedThisMonth()).as("the settled cost").isEqualTo(usd("8.00"));

        app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.FAILED, null, null,
                "lost in transit"));

        assertThat(chargedThisMonth()).isEqualTo(usd("0.00"));
    }

    @Test
    void aSettleThatFreesEnoughForOneMoreActionMakesTheExhaustedMomentLiveAgain() {
        RewardId credit = reward("sandbox"); // costs 4.00 of the 10.00 reserved per action
        MomentId moment = live("15.00", null, credit);
        String token = earn("u-1");
        assertThat(status(moment)).as("5.00 left").isEqualTo(MomentStatus.EXHAUSTED);

        app.redemption.claim(token, new Claim(credit, null, null));

        assertThat(app.ledger.find(moment).orElseThrow().remaining()).isEqualTo(usd("11.00"));
        assertThat(status(moment)).isEqualTo(MomentStatus.LIVE);
    }

    @Test
    void whatAClaimSpentIsCountedOnceItsTransactionHasCommitted() {
        AwardMoney money = awardMoneyCounting();
        MomentId moment = live("100.00", null, reward("sandbox"));
        Award award = award(earn("u-1")).award();

        app.transactions.inTransaction(() -> {
            money.settle(award, moment(moment), usd("4.00"), app.clock.now());
            assertThat(metrics.spent).as("not before the commit").isEmpty();
            return null;
        });

        assertThat(metrics.spent).containsExactly(usd("4.00"));
    }

    @Test
    void aClaimWhoseTransactionFailsCountsNothingSpent() {
        AwardMoney money = awardMoneyCounting();
        MomentId moment = live("100.00", null, reward("sandbox"));
        Award award = award(earn("u-1")).award();

        assertThatThrownBy(() -> app.transactions.inTransaction(() -> {
            money.settle(award, moment(moment), usd("4.00"), app.clock.now());
            throw new IllegalStateException("the claim failed after the settle");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(metrics.spent).isEmpty();
    }

    private Money chargedThisMonth() {
        return app.spending.charged(partner, SpendingMonth.of(app.clock.now()));
    }

    private MomentStatus status(MomentId moment) {
        return app.moments.get(partner, moment).moment().status();
    }

    private Moment moment(MomentId moment) {
        return app.momentRepository.find(partner, moment).orElseThrow();
    }

    /** Money on the core's in-memory ports, with metrics that note what was spent. */
    private AwardMoney awardMoneyCounting() {
        BudgetFollower follower = new BudgetFollower(app.momentRepository, app.ledger,
                new ListeningMoments(app.momentRepository, app.clock, Duration.ofSeconds(5)), app.outbox,
                new SequentialIds());
        return new AwardMoney(app.ledger, app.spending, follower, metrics, app.transactions);
    }
}
