package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.DirectTransactions;
import dev.moments.application.fixtures.InMemoryBudgetLedger;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.NotReportableException;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Claimed;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Report;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Result;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.reward.RewardId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every transition of a reported delivery, and its idempotency, on in-memory ports. */
class FulfillmentTest extends ClaimTestSupport {

    private Claimed webhookClaim(MomentId[] moment, String total) {
        RewardId figure = reward("PHYSICAL", "8.00", "webhook", Set.of());
        moment[0] = live(total, null, figure);
        return app.redemption.claim(earn("u-1"), new Claim(figure, ADDRESS, null));
    }

    private AwardView view(AwardId id) {
        return app.awards.get(partner, id);
    }

    @Test
    void aPartnersFulfilledReportFulfilsOnceAndLaterReportsChangeNothing() {
        MomentId[] moment = new MomentId[1];
        Claimed claimed = webhookClaim(moment, "100.00");

        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.FULFILLED,
                "ship-1", "TRACK-9", null))).isEqualTo(Result.APPLIED);
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.FULFILLED, null,
                null, null))).isEqualTo(Result.DUPLICATE);
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.FAILED, null, null,
                "lost"))).isEqualTo(Result.IGNORED);

        AwardView view = view(claimed.awardId());
        assertThat(view.award().status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(view.delivery().code()).isEqualTo("TRACK-9");
        assertThat(view.history()).extracting(AwardStatusChange::status).containsExactly(AwardStatus.EARNED,
                AwardStatus.CLAIMED, AwardStatus.FULFILLING, AwardStatus.FULFILLED);
        assertThat(app.ledger.find(moment[0]).orElseThrow().spent()).isEqualTo(usd("8.00"));
    }

    @Test
    void aFailedDeliveryFailsTheAwardRefundsTheCostAndMakesTheMomentLiveAgain() {
        MomentId[] moment = new MomentId[1];
        Claimed claimed = webhookClaim(moment, "10.00");
        assertThat(app.moments.get(partner, moment[0]).moment().status()).isEqualTo(MomentStatus.EXHAUSTED);

        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.FAILED, null, null,
                "address unknown"))).isEqualTo(Result.APPLIED);

        AwardView view = view(claimed.awardId());
        assertThat(view.award().status()).isEqualTo(AwardStatus.FAILED);
        assertThat(view.delivery().reason()).isEqualTo("address unknown");
        assertThat(view.history()).last().extracting(AwardStatusChange::reason).isEqualTo("address unknown");
        assertThat(app.ledger.entries()).filteredOn(e -> e.momentId().equals(moment[0]))
                .extracting(e -> e.kind() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 10.00", "RESERVE 10.00", "SETTLE 8.00", "RELEASE 2.00", "REFUND 8.00");
        assertThat(app.ledger.find(moment[0]).orElseThrow().remaining()).isEqualTo(usd("10.00"));
        assertThat(app.moments.get(partner, moment[0]).moment().status()).isEqualTo(MomentStatus.LIVE);
        assertThat(app.spending.charged(partner, SpendingMonth.of(app.clock.now()))).isEqualTo(usd("0.00"));
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.FAILED, null, null,
                "again"))).isEqualTo(Result.DUPLICATE);
        assertThat(app.ledger.entries()).filteredOn(e -> e.kind().equals("REFUND")).hasSize(1);
    }

    @Test
    void aCancelledDeliveryFailsTheAwardAsCancelledByTheProvider() {
        MomentId[] moment = new MomentId[1];
        Claimed claimed = webhookClaim(moment, "100.00");

        app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.CANCELLED, null, null, null));

        AwardView view = view(claimed.awardId());
        assertThat(view.award().status()).isEqualTo(AwardStatus.FAILED);
        assertThat(view.delivery().status()).isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(view.history()).last().extracting(AwardStatusChange::reason).isEqualTo("cancelled by provider");
        assertThat(view.delivery().reason()).isEqualTo("cancelled by provider");
        assertThat(app.ledger.find(moment[0]).orElseThrow().spent()).isEqualTo(usd("0.00"));
    }

    @Test
    void aCancellationWithAReasonKeepsItForTheDelivery_andTheAwardSaysWhoCancelled() {
        MomentId[] moment = new MomentId[1];
        Claimed claimed = webhookClaim(moment, "100.00");

        app.reportFulfillment.report(new Report(claimed.awardId(), partner, FulfillmentStatus.CANCELLED, null, null,
                "out of stock"));

        AwardView view = view(claimed.awardId());
        assertThat(view.delivery().reason()).isEqualTo("out of stock");
        assertThat(view.history()).last().extracting(AwardStatusChange::reason)
                .isEqualTo("cancelled by provider: out of stock");
    }

    @Test
    void anotherPartnersAwardIsNotFoundAndOnlyWebhookClaimsAreReportedByPartners() {
        MomentId[] moment = new MomentId[1];
        Claimed claimed = webhookClaim(moment, "100.00");
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        assertThatThrownBy(() -> app.reportFulfillment.report(new Report(claimed.awardId(), other,
                FulfillmentStatus.FULFILLED, null, null, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.reportFulfillment.report(new Report(new AwardId("awd_nope"), partner,
                FulfillmentStatus.FULFILLED, null, null, null))).isInstanceOf(NotFoundException.class);

        RewardId credit = reward("sandbox");
        live("100.00", null, credit);
        String token = earn("u-2");
        AwardId unclaimed = app.redemption.preview(token).awardId();
        assertThatThrownBy(() -> app.reportFulfillment.report(new Report(unclaimed, partner, FulfillmentStatus.FULFILLED,
                null, null, null))).isInstanceOf(NotReportableException.class);
        Claimed sandbox = app.redemption.claim(token, new Claim(credit, null, null));
        assertThatThrownBy(() -> app.reportFulfillment.report(new Report(sandbox.awardId(), partner,
                FulfillmentStatus.FAILED, null, null, null))).isInstanceOf(NotReportableException.class);
        assertThat(view(sandbox.awardId()).award().status()).isEqualTo(AwardStatus.FULFILLED);
    }

    @Test
    void aProviderCallbackMayArriveWhileTheDeliveryIsStillPending() {
        app.httpProvider.always(Submission.retryable("timeout"));
        RewardId card = reward("http");
        MomentId moment = live("100.00", null, card);
        Claimed claimed = app.redemption.claim(earn("u-1"), new Claim(card, null, null));
        app.background.runAll();
        assertThat(app.claimRepository.find(claimed.awardId()).orElseThrow().status())
                .isEqualTo(FulfillmentStatus.PENDING);

        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.SUBMITTED, "ord_7",
                null, null))).isEqualTo(Result.APPLIED);
        assertThat(view(claimed.awardId()).award().status()).isEqualTo(AwardStatus.FULFILLING);
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.SUBMITTED, "ord_7",
                null, null))).isEqualTo(Result.DUPLICATE);
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.FULFILLED, "ord_7",
                "GIFT-1", null))).isEqualTo(Result.APPLIED);
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.CANCELLED, "ord_7",
                null, null))).isEqualTo(Result.IGNORED);

        AwardView view = view(claimed.awardId());
        assertThat(view.award().status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(view.delivery().code()).isEqualTo("GIFT-1");
        assertThat(view.delivery().reason()).isNull();
        // no longer pending: the retry job leaves it alone
        app.clock.advance(DeliverySubmissions.MAX_RETRY_DELAY);
        assertThat(app.retryFulfillments.retryDue(10)).isZero();
        assertThat(app.ledger.entries()).filteredOn(e -> e.momentId().equals(moment))
                .extracting(InMemoryBudgetLedger.Entry::kind).doesNotContain("REFUND");
    }

    @Test
    void aPendingReportRepeatsAPendingDelivery_andChangesNothingOnceItMovedOn() {
        app.httpProvider.always(Submission.retryable("timeout"));
        RewardId card = reward("http");
        live("100.00", null, card);
        Claimed claimed = app.redemption.claim(earn("u-1"), new Claim(card, null, null));
        app.background.runAll();

        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.PENDING, null,
                null, null))).isEqualTo(Result.DUPLICATE);
        app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.SUBMITTED, "ord_7", null,
                null));
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.PENDING, null,
                null, null))).isEqualTo(Result.IGNORED);
        assertThat(app.claimRepository.find(claimed.awardId()).orElseThrow().status())
                .isEqualTo(FulfillmentStatus.SUBMITTED);
    }

    @Test
    void aCallbackBeforeTheClaimsSubmissionRanLeavesItNothingToSubmit() {
        RewardId card = reward("http");
        live("100.00", null, card);
        Claimed claimed = app.redemption.claim(earn("u-1"), new Claim(card, null, null));

        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.FULFILLED, "ord_5",
                "GIFT-5", null))).isEqualTo(Result.APPLIED);
        app.background.runAll();

        assertThat(app.httpProvider.orders()).isEmpty();
        AwardView view = view(claimed.awardId());
        assertThat(view.award().status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(view.delivery().code()).isEqualTo("GIFT-5");
    }

    @Test
    void aRewardOfAProviderThisBuildHasNoGatewayFor_isClaimed_thenFailedForGoodAndRefunded() {
        RewardId card = reward("http");
        MomentId moment = live("100.00", null, card);
        String token = earn("u-1");
        DirectTransactions transactions = new DirectTransactions();
        FulfillmentGateways none = new FulfillmentGateways(List.of());
        DeliverySubmissions submissions = new DeliverySubmissions(app.awardRepository, app.rewardRepository,
                app.claimRepository, app.deliveries, none, app.clock, transactions);
        RedeemService redemption = new RedeemService(app.awardRepository,
                new RedemptionViews(app.partnerRepository, app.momentRepository, app.rewardRepository,
                        app.claimRepository, none),
                new Claiming(app.awardRepository, app.momentRepository, app.rewardRepository, app.claimRepository,
                        app.money, none, app.outbox, new SequentialIds()),
                submissions, app.background, app.clock, transactions);
        assertThat(none.supportedProviders()).isEmpty();

        Claimed claimed = redemption.claim(token, new Claim(card, null, null));
        assertThat(claimed.status()).isEqualTo(AwardStatus.CLAIMED);
        app.background.runAll();

        AwardView view = view(claimed.awardId());
        assertThat(view.award().status()).isEqualTo(AwardStatus.FAILED);
        assertThat(view.delivery().reason()).isEqualTo("no http provider configured");
        assertThat(app.ledger.find(moment).orElseThrow().spent()).isEqualTo(usd("0.00"));
        assertThat(app.httpProvider.accepted()).isEmpty();
    }

    @Test
    void aProviderCallbackForAnAwardItDoesNotDeliverIsIgnored() {
        MomentId[] moment = new MomentId[1];
        Claimed claimed = webhookClaim(moment, "100.00");
        assertThat(app.reportFulfillment.report(new Report(claimed.awardId(), null, FulfillmentStatus.FAILED, null, null,
                "x"))).isEqualTo(Result.IGNORED);
        assertThat(view(claimed.awardId()).award().status()).isEqualTo(AwardStatus.FULFILLING);
        assertThatThrownBy(() -> app.reportFulfillment.report(new Report(new AwardId("awd_nope"), null,
                FulfillmentStatus.FAILED, null, null, null))).isInstanceOf(NotFoundException.class);
    }
}
