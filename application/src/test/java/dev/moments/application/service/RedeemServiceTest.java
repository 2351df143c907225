package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryBudgetLedger;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Claimed;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedeemUseCase.State;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.application.port.out.FulfillmentGateway.Unavailable;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule of a claim, on in-memory ports: state checks, settle amounts, each provider. */
class RedeemServiceTest extends ClaimTestSupport {

    @Test
    void aPreviewShowsTheOptionsAndConsumesNothing() {
        RewardId credit = reward("sandbox");
        MomentId moment = live("100.00", null, credit);
        String token = earn("u-1");

        Redemption redemption = app.redemption.preview(token);

        assertThat(redemption.state()).isEqualTo(State.OPEN);
        assertThat(redemption.status()).isEqualTo(AwardStatus.EARNED);
        assertThat(redemption.announcement()).isEqualTo("You earned it!");
        assertThat(redemption.confirmation()).isEqualTo("On its way.");
        assertThat(redemption.options()).singleElement().satisfies(option -> {
            assertThat(option.rewardId()).isEqualTo(credit);
            assertThat(option.available()).isTrue();
            assertThat(option.description()).isEqualTo("nice");
            assertThat(option.imageUrl()).isEqualTo("https://img.example/x.png");
        });
        assertThat(redemption.delivery()).isNull();
        assertThat(app.redemption.preview(token).status()).isEqualTo(AwardStatus.EARNED);
        assertThat(entries(moment)).extracting(InMemoryBudgetLedger.Entry::kind).containsExactly("TOP_UP", "RESERVE");
    }

    @Test
    void anUnknownOrMalformedTokenIsNotFound() {
        live("100.00", null, reward("sandbox"));
        earn("u-1");
        String unknown = "A".repeat(43);
        assertThatThrownBy(() -> app.redemption.preview(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.redemption.preview("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.redemption.claim(unknown, new Claim(new RewardId("rwd_x"), null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSandboxClaimSettlesTheCostReleasesTheRestAndIsFulfilledAtOnce() {
        RewardId credit = reward("sandbox");
        MomentId moment = live("100.00", null, credit);
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(credit, null, null));

        assertThat(claimed.status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(claimed.delivery().status()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(entries(moment)).extracting(e -> e.kind() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 100.00", "RESERVE 10.00", "SETTLE 4.00", "RELEASE 6.00");
        Budget budget = app.ledger.find(moment).orElseThrow();
        assertThat(budget.reserved()).isEqualTo(usd("0.00"));
        assertThat(budget.spent()).isEqualTo(usd("4.00"));
        assertThat(budget.remaining()).isEqualTo(usd("96.00"));
        AwardView view = award(token);
        assertThat(view.history()).extracting(AwardStatusChange::status)
                .containsExactly(AwardStatus.EARNED, AwardStatus.CLAIMED, AwardStatus.FULFILLED);
        assertThat(view.delivery().rewardId()).isEqualTo(credit);
        assertThat(view.delivery().rewardName()).isEqualTo("CREDIT sandbox");
        assertThat(view.delivery().kind()).isEqualTo(RewardKind.CREDIT);
        assertThat(view.delivery().claimedAt()).isEqualTo(app.clock.now());
        Redemption after = app.redemption.preview(token);
        assertThat(after.state()).isEqualTo(State.CLAIMED);
        assertThat(after.delivery().status()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(app.outbox.recent(partner, 100)).extracting(OutboxEvent::type).contains("award.claimed");
    }

    @Test
    void aSettleGivesTheReleasedRestBackToThePartnersMonth() {
        app.partners.setMonthlyCap(partner, "100.00");
        RewardId credit = reward("sandbox");
        live("100.00", null, credit);
        String token = earn("u-1");
        assertThat(app.spending.charged(partner, SpendingMonth.of(app.clock.now()))).isEqualTo(usd("10.00"));

        app.redemption.claim(token, new Claim(credit, null, null));

        assertThat(app.spending.charged(partner, SpendingMonth.of(app.clock.now()))).isEqualTo(usd("4.00"));
    }

    @Test
    void aSettleThatFreesMoneyMakesAnExhaustedMomentLiveAgain() {
        RewardId credit = reward("sandbox");
        MomentId moment = live("10.00", null, credit);
        String token = earn("u-1");
        assertThat(app.moments.get(partner, moment).moment().status()).isEqualTo(MomentStatus.EXHAUSTED);

        app.redemption.claim(token, new Claim(credit, null, null));

        // 6.00 released is not enough for one more action at 10.00: still exhausted
        assertThat(app.moments.get(partner, moment).moment().status()).isEqualTo(MomentStatus.EXHAUSTED);
        app.moments.topUp(partner, moment, "4.00");
        assertThat(app.moments.get(partner, moment).moment().status()).isEqualTo(MomentStatus.LIVE);
    }

    @Test
    void aClaimedAwardCannotBeClaimedAgain() {
        RewardId credit = reward("sandbox");
        MomentId moment = live("100.00", null, credit);
        String token = earn("u-1");
        app.redemption.claim(token, new Claim(credit, null, null));

        assertRefused(() -> app.redemption.claim(token, new Claim(credit, null, null)), Reason.ALREADY_CLAIMED);
        assertThat(entries(moment)).filteredOn(e -> e.kind().equals("SETTLE")).hasSize(1);
    }

    @Test
    void beforeRedeemAfterTheLinkIsNotYetRedeemable() {
        RewardId credit = reward("sandbox");
        live("100.00", new Limits(1, null, null, Duration.ofHours(2), null), credit);
        String token = earn("u-1");

        assertThat(app.redemption.preview(token).state()).isEqualTo(State.NOT_YET_REDEEMABLE);
        assertRefused(() -> app.redemption.claim(token, new Claim(credit, null, null)), Reason.NOT_YET_REDEEMABLE);

        app.clock.advance(Duration.ofHours(2));
        assertThat(app.redemption.claim(token, new Claim(credit, null, null)).status())
                .isEqualTo(AwardStatus.FULFILLED);
    }

    @Test
    void anExpiredLinkIsRefusedBeforeAndAfterTheExpiryJob() {
        RewardId credit = reward("sandbox");
        live("100.00", new Limits(1, null, null, Duration.ZERO, Duration.ofDays(1)), credit);
        String token = earn("u-1");
        app.clock.advance(Duration.ofDays(1));

        assertThat(app.redemption.preview(token).state()).isEqualTo(State.EXPIRED);
        assertRefused(() -> app.redemption.claim(token, new Claim(credit, null, null)), Reason.EXPIRED);
        app.expireAwards.expireDue(10);
        assertRefused(() -> app.redemption.claim(token, new Claim(credit, null, null)), Reason.EXPIRED);
        assertThat(award(token).history()).extracting(AwardStatusChange::status, AwardStatusChange::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AwardStatus.EARNED, null),
                        org.assertj.core.groups.Tuple.tuple(AwardStatus.EXPIRED, "not claimed in time"));
    }

    @Test
    void aCancelledAwardCannotBeClaimed() {
        RewardId credit = reward("sandbox");
        live("100.00", null, credit);
        String token = earn("u-1");
        app.cancelAward.cancel(partner, app.redemption.preview(token).awardId());

        assertThat(app.redemption.preview(token).state()).isEqualTo(State.CANCELLED);
        assertRefused(() -> app.redemption.claim(token, new Claim(credit, null, null)), Reason.CANCELLED);
        assertThat(award(token).history()).extracting(AwardStatusChange::reason)
                .containsExactly(null, "cancelled by the partner");
    }

    @Test
    void aRewardTheMomentDoesNotOfferIsRefused() {
        RewardId credit = reward("sandbox");
        RewardId other = reward("sandbox");
        live("100.00", null, credit);
        String token = earn("u-1");

        assertRefused(() -> app.redemption.claim(token, new Claim(other, null, null)), Reason.NOT_AN_OPTION);
        assertRefused(() -> app.redemption.claim(token, new Claim(new RewardId("rwd_nope"), null, null)),
                Reason.NOT_AN_OPTION);
        assertThat(app.redemption.preview(token).state()).isEqualTo(State.OPEN);
    }

    @Test
    void aPhysicalRewardNeedsAShippingAddressInOneOfItsCountries() {
        RewardId figure = reward("PHYSICAL", "8.00", "sandbox", Set.of("US", "CA"));
        live("100.00", null, figure);
        String token = earn("u-1");

        assertThatThrownBy(() -> app.redemption.claim(token, new Claim(figure, null, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("shipping"));
        ShippingAddress german = new ShippingAddress("Ada", "Hauptstr. 1", null, "Berlin", null, "10115", "DE");
        assertRefused(() -> app.redemption.claim(token, new Claim(figure, german, null)), Reason.NOT_IN_COUNTRY);
        assertThatThrownBy(() -> app.redemption.claim(token, new Claim(figure, ADDRESS, "not-an-email")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));

        Claimed claimed = app.redemption.claim(token, new Claim(figure, ADDRESS, "ada@example.com"));
        assertThat(claimed.status()).isEqualTo(AwardStatus.FULFILLED);
        var stored = app.claimRepository.find(claimed.awardId()).orElseThrow();
        assertThat(stored.shipping()).isEqualTo(ADDRESS);
        assertThat(stored.email()).isEqualTo("ada@example.com");
        assertThat(app.outbox.recent(partner, 100)).filteredOn(e -> e.type().equals("award.claimed")).singleElement()
                .satisfies(event -> assertThat(event.data()).as("personal data only for a provider that asks for it")
                        .doesNotContainKeys("shipping", "email").containsEntry("provider", "sandbox"));
    }

    @Test
    void aBlankEmailIsNoEmail_andOneIsKeptStrippedUpTo254Characters() {
        RewardId credit = reward("sandbox");
        live("100.00", null, credit);
        String blank = earn("u-1");
        String longest = earn("u-2");
        String tooLong = earn("u-3");
        String address = "a".repeat(64) + "@" + "b".repeat(185) + ".com";

        Claimed withoutEmail = app.redemption.claim(blank, new Claim(credit, null, "   "));
        Claimed withEmail = app.redemption.claim(longest, new Claim(credit, null, " " + address + " "));

        assertThat(app.claimRepository.find(withoutEmail.awardId()).orElseThrow().email()).isNull();
        assertThat(app.claimRepository.find(withEmail.awardId()).orElseThrow().email()).isEqualTo(address)
                .hasSize(254);
        String oneMore = address.replace("@", "@b");
        assertThatThrownBy(() -> app.redemption.claim(tooLong, new Claim(credit, null, oneMore)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void aProviderThatDeliversAtOnceFulfilsTheAwardWithItsCode() {
        RewardId codes = reward("DIGITAL_CODE", "3.00", "codes", Set.of());
        MomentId moment = live("100.00", null, codes);
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(codes, null, "ada@example.com"));

        assertThat(claimed.status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(claimed.delivery().status()).isEqualTo(FulfillmentStatus.FULFILLED);
        assertThat(claimed.delivery().code()).isEqualTo("CODE-" + claimed.awardId().value());
        assertThat(app.codesProvider.accepted()).singleElement().satisfies(order -> {
            assertThat(order.awardId()).isEqualTo(claimed.awardId());
            assertThat(order.rewardId()).isEqualTo(codes);
            assertThat(order.userId()).isEqualTo("u-1");
            assertThat(order.cost()).isEqualTo(usd("3.00"));
            assertThat(order.email()).isEqualTo("ada@example.com");
            assertThat(order.attempt()).isEqualTo(1);
        });
        assertThat(app.codesProvider.orders()).isEmpty();
        assertThat(app.background.queued()).isZero();
        assertThat(app.claimRepository.find(claimed.awardId()).orElseThrow().code())
                .isEqualTo(claimed.delivery().code());
        assertThat(award(token).history()).extracting(AwardStatusChange::status)
                .containsExactly(AwardStatus.EARNED, AwardStatus.CLAIMED, AwardStatus.FULFILLED);
        assertThat(entries(moment)).extracting(e -> e.kind() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 100.00", "RESERVE 10.00", "SETTLE 3.00", "RELEASE 7.00");
    }

    @Test
    void theProviderAcceptsInsideTheClaimAfterTheChecksAndBeforeTheMoneyIsSettled() {
        RewardId codes = reward("DIGITAL_CODE", "3.00", "codes", Set.of());
        MomentId moment = live("100.00", null, codes);
        String token = earn("u-1");
        List<String> ledgerWhenAccepted = new java.util.ArrayList<>();
        app.codesProvider.acceptingWith(order -> {
            ledgerWhenAccepted.addAll(entries(moment).stream().map(InMemoryBudgetLedger.Entry::kind).toList());
            assertThat(app.claimRepository.find(order.awardId())).isEmpty();
            return Acceptance.fulfilled("C-1");
        });

        assertRefused(() -> app.redemption.claim(token, new Claim(new RewardId("rwd_nope"), null, null)),
                Reason.NOT_AN_OPTION);
        assertThat(app.codesProvider.accepted()).isEmpty();
        app.redemption.claim(token, new Claim(codes, null, null));

        assertThat(ledgerWhenAccepted).containsExactly("TOP_UP", "RESERVE");
        assertThat(entries(moment)).extracting(InMemoryBudgetLedger.Entry::kind)
                .containsExactly("TOP_UP", "RESERVE", "SETTLE", "RELEASE");
    }

    @Test
    void aRewardItsProviderCannotDeliverIsShownUnavailableAndARefusedClaimChangesNothing() {
        RewardId codes = reward("DIGITAL_CODE", "3.00", "codes", Set.of());
        MomentId moment = live("100.00", null, codes);
        String token = earn("u-1");
        app.codesProvider.unavailable(codes, Unavailable.OUT_OF_CODES)
                .accepting(Acceptance.refused(Unavailable.OUT_OF_CODES, "reward " + codes + " has no code left"));

        assertThat(app.redemption.preview(token).options()).singleElement().satisfies(option -> {
            assertThat(option.available()).isFalse();
            assertThat(option.unavailableReason()).isEqualTo("OUT_OF_CODES");
        });
        assertThatThrownBy(() -> app.redemption.claim(token, new Claim(codes, null, null)))
                .isInstanceOfSatisfying(RedemptionRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OUT_OF_CODES);
                    assertThat(e.getMessage()).isEqualTo("reward " + codes + " has no code left");
                });
        assertThat(app.redemption.preview(token).status()).isEqualTo(AwardStatus.EARNED);
        assertThat(entries(moment)).extracting(InMemoryBudgetLedger.Entry::kind).containsExactly("TOP_UP", "RESERVE");
        assertThat(app.claimRepository.find(app.redemption.preview(token).awardId())).isEmpty();
        assertThat(app.outbox.recent(partner, 100)).extracting(OutboxEvent::type).doesNotContain("award.claimed");
        assertThat(award(token).history()).extracting(AwardStatusChange::status).containsExactly(AwardStatus.EARNED);
    }

    @Test
    void codesAreAddedOnceEachAndCountedPerReward() {
        RewardId codes = reward("DIGITAL_CODE", "3.00", "codes", Set.of());
        var added = app.codes.addCodes(partner, codes, List.of("C-1", "C-2", "C-1"));
        assertThat(added.added()).isEqualTo(2);
        assertThat(added.skipped()).isEqualTo(1);
        assertThat(added.codesAvailable()).isEqualTo(2);
        assertThat(app.codes.addCodes(partner, codes, List.of("C-2", "C-3")).skipped()).isEqualTo(1);
        assertThat(app.codes.codesAvailable(partner, List.of(codes, reward("sandbox")))).containsExactly(
                Map.entry(codes, 3L));
    }

    @Test
    void codesAreOnlyForCodeRewardsAndMustBePrintable() {
        RewardId credit = reward("sandbox");
        RewardId codes = reward("DIGITAL_CODE", "3.00", "codes", Set.of());
        assertThatThrownBy(() -> app.codes.addCodes(partner, credit, List.of("A")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("codes"));
        assertThatThrownBy(() -> app.codes.addCodes(partner, codes, List.of("ok", "bad\u0007")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("codes[1]"));
        assertThatThrownBy(() -> app.codes.addCodes(partner, codes, List.of("x".repeat(201))))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> app.codes.addCodes(partner, codes, java.util.Collections.nCopies(10_001, "a")))
                .isInstanceOf(InvalidValueException.class);
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        assertThatThrownBy(() -> app.codes.addCodes(other, codes, List.of("A"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRewardHandedToThePartnerIsFulfillingAndTheClaimedEventCarriesTheAddressAndEmail() {
        RewardId figure = reward("PHYSICAL", "8.00", "webhook", Set.of());
        live("100.00", null, figure);
        String token = earn("u-1");
        app.webhookProvider.accepting(Acceptance.submitted(null).sharingTheClaim());

        Claimed claimed = app.redemption.claim(token, new Claim(figure, ADDRESS, "ada@example.com"));

        assertThat(claimed.status()).isEqualTo(AwardStatus.FULFILLING);
        assertThat(claimed.delivery().status()).isEqualTo(FulfillmentStatus.SUBMITTED);
        assertThat(app.webhookProvider.accepted()).singleElement()
                .satisfies(order -> assertThat(order.shipping()).isEqualTo(ADDRESS));
        OutboxEvent event = app.outbox.recent(partner, 100).stream().filter(e -> e.type().equals("award.claimed"))
                .findFirst().orElseThrow();
        assertThat(event.data()).containsEntry("id", claimed.awardId().value()).containsEntry("status", "CLAIMED")
                .containsEntry("rewardId", figure.value()).containsEntry("kind", "PHYSICAL")
                .containsEntry("provider", "webhook").containsEntry("userId", "u-1")
                .containsEntry("email", "ada@example.com");
        assertThat(event.data().get("shipping")).as("without the address's empty second line")
                .isEqualTo(Map.of("name", "Ada Lovelace", "line1", "1 Main St", "city", "Springfield", "region", "IL",
                        "postalCode", "62701", "country", "US"));
        assertThat(award(token).history()).extracting(AwardStatusChange::status)
                .containsExactly(AwardStatus.EARNED, AwardStatus.CLAIMED, AwardStatus.FULFILLING);
        assertThat(app.background.queued()).isZero();
    }

    @Test
    void anHttpClaimAnswersAtOnceAndItsOrderIsSubmittedOnceInTheBackground() {
        app.httpProvider.answer(Submission.submitted("ord_9"));
        RewardId card = reward("http");
        MomentId moment = live("100.00", null, card);
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(card, null, "ada@example.com"));

        assertThat(claimed.status()).isEqualTo(AwardStatus.CLAIMED);
        assertThat(claimed.delivery().status()).isEqualTo(FulfillmentStatus.PENDING);
        assertThat(app.httpProvider.orders()).isEmpty();
        var pending = app.claimRepository.find(claimed.awardId()).orElseThrow();
        assertThat(pending.nextAttemptAt()).as("hidden from the retry job while the claim submits it")
                .isEqualTo(app.clock.now().plus(DeliverySubmissions.RETRY_LEASE));
        assertThat(entries(moment)).extracting(InMemoryBudgetLedger.Entry::kind)
                .containsExactly("TOP_UP", "RESERVE", "SETTLE", "RELEASE");

        assertThat(app.background.runAll()).isEqualTo(1);

        assertThat(app.httpProvider.orders()).singleElement().satisfies(order -> {
            assertThat(order.awardId()).isEqualTo(claimed.awardId());
            assertThat(order.attempt()).isEqualTo(1);
            assertThat(order.email()).isEqualTo("ada@example.com");
            assertThat(order.cost()).isEqualTo(usd("4.00"));
        });
        var stored = app.claimRepository.find(claimed.awardId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(FulfillmentStatus.SUBMITTED);
        assertThat(stored.reference()).isEqualTo("ord_9");
        assertThat(award(token).history()).extracting(AwardStatusChange::status)
                .containsExactly(AwardStatus.EARNED, AwardStatus.CLAIMED, AwardStatus.FULFILLING);
        assertThat(entries(moment)).extracting(InMemoryBudgetLedger.Entry::kind)
                .containsExactly("TOP_UP", "RESERVE", "SETTLE", "RELEASE");
    }

    @Test
    void anHttpProviderThatDeliversAtOnceFulfilsWithItsCode() {
        app.httpProvider.answer(Submission.fulfilled("ord_1", "GIFT-123"));
        RewardId card = reward("http");
        live("100.00", null, card);
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(card, null, null));
        assertThat(claimed.status()).isEqualTo(AwardStatus.CLAIMED);
        assertThat(claimed.delivery().code()).isNull();
        app.background.runAll();

        Redemption after = app.redemption.preview(token);
        assertThat(after.status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(after.delivery().code()).isEqualTo("GIFT-123");
    }

    @Test
    void aPermanentFailureOfTheProviderFailsTheAwardAfterTheClaimAndRefundsTheCost() {
        app.httpProvider.answer(Submission.permanent("unknown product"));
        RewardId card = reward("http");
        MomentId moment = live("100.00", null, card);
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(card, null, null));
        assertThat(claimed.status()).as("a claim never answers a provider's failure").isEqualTo(AwardStatus.CLAIMED);
        app.background.runAll();

        AwardView view = award(token);
        assertThat(view.award().status()).isEqualTo(AwardStatus.FAILED);
        assertThat(view.delivery().reason()).isEqualTo("unknown product");
        assertThat(entries(moment)).extracting(e -> e.kind() + " " + e.amount().toDecimalString())
                .containsExactly("TOP_UP 100.00", "RESERVE 10.00", "SETTLE 4.00", "RELEASE 6.00", "REFUND 4.00");
        Budget budget = app.ledger.find(moment).orElseThrow();
        assertThat(budget.spent()).isEqualTo(usd("0.00"));
        assertThat(budget.remaining()).isEqualTo(usd("100.00"));
        assertThat(view.history()).last().satisfies(change -> {
            assertThat(change.status()).isEqualTo(AwardStatus.FAILED);
            assertThat(change.reason()).isEqualTo("unknown product");
        });
    }

    @Test
    void aRetryableFailureIsSubmittedAgainWithBackoffAndGivenUpAfterTheLastAttempt() {
        app.httpProvider.always(Submission.retryable("timeout"));
        RewardId card = reward("http");
        MomentId moment = live("100.00", null, card);
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(card, null, null));
        app.background.runAll();

        assertThat(claimed.status()).isEqualTo(AwardStatus.CLAIMED);
        assertThat(claimed.delivery().status()).isEqualTo(FulfillmentStatus.PENDING);
        var pending = app.claimRepository.find(claimed.awardId()).orElseThrow();
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.nextAttemptAt()).isEqualTo(app.clock.now().plus(DeliverySubmissions.retryDelay(1)));
        assertThat(app.retryFulfillments.retryDue(10)).isZero();

        for (int attempt = 2; attempt <= DeliverySubmissions.MAX_ATTEMPTS; attempt++) {
            app.clock.advance(DeliverySubmissions.MAX_RETRY_DELAY);
            assertThat(app.retryFulfillments.retryDue(10)).isEqualTo(1);
        }

        assertThat(app.httpProvider.orders()).extracting(o -> o.attempt())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(award(token).award().status()).isEqualTo(AwardStatus.FAILED);
        assertThat(award(token).delivery().reason()).startsWith("gave up after 8 attempts");
        assertThat(app.ledger.find(moment).orElseThrow().spent()).isEqualTo(usd("0.00"));
        app.clock.advance(DeliverySubmissions.MAX_RETRY_DELAY);
        assertThat(app.retryFulfillments.retryDue(10)).isZero();
    }

    @Test
    void aClaimsSubmissionThatNeverRan_isLeftToTheRetryJob_onceTheClaimsLeaseIsOver() {
        RewardId card = reward("http");
        live("100.00", null, card);
        String token = earn("u-1");
        Claimed claimed = app.redemption.claim(token, new Claim(card, null, null));

        assertThat(app.background.discardAll()).as("lost in a shutdown").isEqualTo(1);
        app.clock.advance(DeliverySubmissions.RETRY_LEASE.minusSeconds(1));
        assertThat(app.retryFulfillments.retryDue(10)).isZero();
        app.clock.advance(Duration.ofSeconds(1));
        assertThat(app.retryFulfillments.retryDue(10)).isEqualTo(1);

        assertThat(app.httpProvider.orders()).singleElement()
                .satisfies(order -> assertThat(order.awardId()).isEqualTo(claimed.awardId()));
        assertThat(award(token).award().status()).isEqualTo(AwardStatus.FULFILLING);
    }

    @Test
    void aClaimsSubmissionThatWaitedTooLongInTheQueue_leavesTheDeliveryToTheRetryJob() {
        RewardId card = reward("http");
        live("100.00", null, card);
        String token = earn("u-1");
        app.redemption.claim(token, new Claim(card, null, null));

        app.clock.advance(DeliverySubmissions.LEASE_LEFT_TO_SUBMIT.plusSeconds(1));
        assertThat(app.background.runAll()).isEqualTo(1);
        assertThat(app.httpProvider.orders()).isEmpty();
        assertThat(app.retryFulfillments.retryDue(10)).as("still the claim's lease").isZero();

        app.clock.advance(DeliverySubmissions.LEASE_LEFT_TO_SUBMIT);
        assertThat(app.retryFulfillments.retryDue(10)).isEqualTo(1);
        assertThat(app.httpProvider.orders()).hasSize(1);
        assertThat(award(token).award().status()).isEqualTo(AwardStatus.FULFILLING);
    }

    @Test
    void theRetryJobLeavesADeliveryAloneWhileTheClaimsSubmissionIsWithTheProvider() {
        RewardId card = reward("http");
        live("100.00", null, card);
        String token = earn("u-1");
        app.redemption.claim(token, new Claim(card, null, null));
        java.util.concurrent.atomic.AtomicInteger retriedMeanwhile = new java.util.concurrent.atomic.AtomicInteger(-1);
        app.httpProvider.whileSubmitting(order -> {
            if (retriedMeanwhile.get() < 0) {
                // the provider is slow: the claim's first lease is over, the one renewed when the submission began is not
                app.clock.advance(DeliverySubmissions.RETRY_LEASE.minusSeconds(30));
                retriedMeanwhile.set(app.retryFulfillments.retryDue(10));
            }
        });

        app.clock.advance(Duration.ofSeconds(50));
        app.background.runAll();

        assertThat(retriedMeanwhile.get()).isZero();
        assertThat(app.httpProvider.orders()).hasSize(1);
        assertThat(award(token).award().status()).isEqualTo(AwardStatus.FULFILLING);
    }

    @Test
    void everyProviderWithAGatewayIsOfferedAndTheClaimAsksTheRewardsOwn() {
        assertThat(app.gateways.supportedProviders()).containsExactlyInAnyOrder(FulfillmentProvider.values());
        RewardId credit = reward("sandbox");
        RewardId figure = reward("PHYSICAL", "8.00", "webhook", Set.of());
        live("100.00", new Limits(5, null, null, Duration.ZERO, null), credit, figure);

        app.redemption.claim(earn("u-1"), new Claim(credit, null, null));
        app.redemption.claim(earn("u-2"), new Claim(figure, ADDRESS, null));

        assertThat(app.sandboxProvider.accepted()).extracting(o -> o.rewardId()).containsExactly(credit);
        assertThat(app.webhookProvider.accepted()).extracting(o -> o.rewardId()).containsExactly(figure);
        assertThat(app.codesProvider.accepted()).isEmpty();
        assertThat(app.httpProvider.accepted()).isEmpty();
    }

    @Test
    void aTestAwardSettlesNothingAndIsDeliveredByTheSandbox() {
        RewardId codes = reward("DIGITAL_CODE", "3.00", "codes", Set.of());
        MomentId moment = start("100.00", null, LifecycleAction.TEST, codes);
        testUser = true;
        String token = earn("u-1");

        Claimed claimed = app.redemption.claim(token, new Claim(codes, null, null));

        assertThat(claimed.status()).isEqualTo(AwardStatus.FULFILLED);
        assertThat(claimed.delivery().code()).isNull();
        assertThat(entries(moment)).extracting(InMemoryBudgetLedger.Entry::kind).containsExactly("TOP_UP");
        assertThat(app.claimRepository.find(claimed.awardId()).orElseThrow().provider())
                .isEqualTo(FulfillmentProvider.SANDBOX);
        assertThat(app.codesProvider.accepted()).isEmpty();
        assertThat(app.sandboxProvider.accepted()).hasSize(1);
    }

}
