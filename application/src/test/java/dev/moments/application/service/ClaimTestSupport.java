package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryBudgetLedger;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RedeemUseCase.Claim;
import dev.moments.application.port.in.RedeemUseCase.Claimed;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedeemUseCase.State;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.FulfillmentGateway.Submission;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An in-memory core with a partner, and short steps to make rewards, moments and awards for claim tests. */
abstract class ClaimTestSupport {

    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "1 Main St", null, "Springfield", "IL",
            "62701", "US");

    final InMemoryMoments app = new InMemoryMoments();
    PartnerId partner;
    MomentId lastMoment;
    boolean testUser;

    @BeforeEach
    void givenAPartner() {
        partner = app.partners.create(new CreatePartnerCommand("Acme", "USD")).partner().id();
    }

    RewardId reward(String kind, String cost, String provider, Set<String> countries) {
        return app.rewards.create(new CreateRewardCommand(partner, kind + " " + provider, kind, cost, "USD",
                countries, provider, "nice", "https://img.example/x.png")).id();
    }

    RewardId reward(String provider) {
        return reward("CREDIT", "4.00", provider, Set.of());
    }

    MomentId live(String total, Limits limits, RewardId... rewards) {
        return start(total, limits, LifecycleAction.LAUNCH, rewards);
    }

    MomentId start(String total, Limits limits, LifecycleAction action, RewardId... rewards) {
        MomentId moment = app.moments.create(new CreateMomentCommand(partner, "Order", new EventTrigger("order", null),
                null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", total, null, "10.00"),
                java.util.Arrays.stream(rewards).map(RewardId::value).toList(), limits, null,
                new Messages("You earned it!", "On its way."))).moment().id();
        app.moments.change(partner, moment, action);
        lastMoment = moment;
        return moment;
    }

    /** The user's award on the moment started last; its token. */
    String earn(String user) {
        app.clock.advance(Duration.ofSeconds(1));
        List<AwardView> awards = app.events.record(new RecordEventCommand(partner, "evt-" + user + app.clock.now(),
                "order", user, null, null, Map.of("total", BigDecimal.TEN),
                new dev.moments.domain.event.EventContext(null, null, null, testUser), null)).awards().stream()
                .filter(view -> view.award().momentId().equals(lastMoment)).toList();
        assertThat(awards).hasSize(1);
        return awards.get(0).token().orElseThrow().value();
    }

    AwardView award(String token) {
        return app.awards.get(partner, app.redemption.preview(token).awardId());
    }

    List<InMemoryBudgetLedger.Entry> entries(MomentId moment) {
        return app.ledger.entries().stream().filter(e -> e.momentId().equals(moment)).toList();
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RedemptionRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
