package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.EventTrigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The award a dry run shows is the one the completion would get: a test award reserves nothing. */
class AwardingTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme");
        reward = app.sandboxCredit(partner);
    }

    private void moment(LifecycleAction action) {
        var moment = app.moments.create(new CreateMomentCommand(partner, "Order", new EventTrigger("order", null),
                null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"),
                List.of(reward), null, null, null));
        app.moments.change(partner, moment.moment().id(), action);
    }

    private AwardView dryRun(boolean testUser) {
        List<AwardView> awards = app.events.dryRun(new RecordEventCommand(partner, "e1", "order", "u-1", null, null,
                Map.of(), new EventContext(null, null, null, testUser), null)).awards();
        assertThat(awards).hasSize(1);
        return awards.get(0);
    }

    @Test
    void aDryRunOnALiveMomentShowsAnAwardReservingThePricePerAction() {
        moment(LifecycleAction.LAUNCH);

        AwardView award = dryRun(false);

        assertThat(award.award().test()).isFalse();
        assertThat(award.award().reserved().toDecimalString()).isEqualTo("10.00");
    }

    @Test
    void aDryRunOnAMomentInTestShowsATestAwardReservingNothing() {
        moment(LifecycleAction.TEST);

        AwardView award = dryRun(true);

        assertThat(award.award().test()).isTrue();
        assertThat(award.award().reserved().isZero()).isTrue();
    }
}
