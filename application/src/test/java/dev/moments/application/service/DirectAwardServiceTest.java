package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.DirectAwardUseCase.DirectAwardCommand;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.DirectTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Awards the partner gives directly: the same policies as an event's completion, judged on the award's context. */
class DirectAwardServiceTest {

    private static final EventContext TEST_USER = new EventContext(null, null, null, true);

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        partner = app.partnerInUsd("Acme");
        reward = app.sandboxCredit(partner);
    }

    private MomentId moment(Audience audience, Limits limits, Integer holdoutPercent, LifecycleAction action) {
        MomentId id = app.moments.create(new CreateMomentCommand(partner, "Direct", new DirectTrigger(), audience,
                null, null, null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward),
                limits, holdoutPercent, null)).moment().id();
        app.moments.change(partner, id, action);
        return id;
    }

    private AwardView award(MomentId moment, String user, String device, EventContext context) {
        return app.directAwards.award(new DirectAwardCommand(partner, moment, user, device, context));
    }

    private void assertRefused(MomentId moment, String user, String device, EventContext context, Refusal refusal) {
        assertThatThrownBy(() -> award(moment, user, device, context)).isInstanceOf(NotEligibleException.class)
                .extracting("refusal").isEqualTo(refusal);
    }

    @Test
    void aMomentThePartnerDoesNotHaveIsNotFound() {
        DirectAwardCommand command = new DirectAwardCommand(partner, new MomentId("mom_none"), "u-1", null, null);

        assertThatThrownBy(() -> app.directAwards.award(command)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.directAwards.preview(command)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aUserOutsideTheAudienceIsRefused() {
        MomentId moment = moment(new Audience(Set.of("FR"), Set.of(), Set.of(), null), null, null,
                LifecycleAction.LAUNCH);

        assertRefused(moment, "u-1", null, new EventContext("DE", null, null, false), Refusal.NOT_IN_AUDIENCE);
        assertThat(award(moment, "u-2", null, new EventContext("FR", null, null, false)).award().userId())
                .isEqualTo("u-2");
    }

    @Test
    void aMomentInTestAwardsTestUsersOnly_andTheirAwardsReserveNothing() {
        MomentId moment = moment(null, null, null, LifecycleAction.TEST);

        assertRefused(moment, "u-1", null, EventContext.NONE, Refusal.TEST_USERS_ONLY);
        AwardView tested = award(moment, "tester", null, TEST_USER);
        assertThat(tested.award().test()).isTrue();
        assertThat(tested.award().reserved().isZero()).isTrue();
    }

    @Test
    void aUserInTheHoldoutIsRefused_theOthersAreAwarded() {
        MomentId moment = moment(null, null, 50, LifecycleAction.LAUNCH);
        var stored = app.momentRepository.find(partner, moment).orElseThrow();
        List<String> users = IntStream.range(0, 40).mapToObj(i -> "u-" + i).toList();
        String heldOut = users.stream().filter(stored::holdsOut).findFirst().orElseThrow();
        String notHeldOut = users.stream().filter(user -> !stored.holdsOut(user)).findFirst().orElseThrow();

        assertRefused(moment, heldOut, null, EventContext.NONE, Refusal.HOLDOUT);
        assertThat(award(moment, notHeldOut, null, EventContext.NONE).award().userId()).isEqualTo(notHeldOut);
    }

    @Test
    void aDeviceIsAwardedAtMostItsLimit_whoeverUsesIt_andAnAwardWithoutADeviceIsNotLimited() {
        MomentId moment = moment(null, new Limits(5, 1, null, Duration.ZERO, Duration.ofDays(30)), null,
                LifecycleAction.LAUNCH);

        assertThat(award(moment, "u-1", "d-1", EventContext.NONE).award().deviceId()).isEqualTo("d-1");
        assertRefused(moment, "u-2", "d-1", EventContext.NONE, Refusal.LIMIT_PER_DEVICE);
        assertThat(award(moment, "u-3", "d-2", EventContext.NONE).award().deviceId()).isEqualTo("d-2");
        assertThat(award(moment, "u-4", null, EventContext.NONE).award().deviceId()).as("no device, no limit").isNull();
        assertThat(award(moment, "u-5", null, EventContext.NONE).award().deviceId()).isNull();
    }
}
