package dev.moments.domain.moment;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.PARTNER;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.EventTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A moment's definition: what it defaults to, what it refuses, and which events it listens to. */
class MomentTest {

    private static final EventTrigger ORDER = new EventTrigger("order.completed", null);
    private static final Outcomes REVENUE = new Outcomes(new Outcomes.Revenue(Set.of("order.completed",
            "subscription.renewed"), "event.total"));

    private static Moment withNothingOptional() {
        return new Moment(new MomentId("mom_1"), PARTNER, "Order once", ORDER, null, Schedule.from(NOW),
                List.of(new RewardId("rwd_1")), null, 0, null, null, null, MomentStatus.DRAFT, NOW, NOW);
    }

    @Test
    void whatIsLeftOut_isEveryoneTheDefaultLimitsNoMessagesAndNoOutcomes() {
        Moment moment = withNothingOptional();

        assertThat(moment.audience()).isEqualTo(Audience.EVERYONE);
        assertThat(moment.limits()).isEqualTo(Limits.defaults());
        assertThat(moment.messages()).isEqualTo(Messages.NONE);
        assertThat(moment.outcomes()).isEqualTo(Outcomes.NONE);
    }

    @Test
    void whatIsGiven_isKept() {
        Audience usOnly = new Audience(Set.of("US"), Set.of(), Set.of(), null);
        Limits threePerUser = new Limits(3, null, null, Duration.ZERO, null);

        Moment moment = aMoment().audience(usOnly).limits(threePerUser).outcomes(REVENUE).build();

        assertThat(moment.audience()).isEqualTo(usOnly);
        assertThat(moment.limits()).isEqualTo(threePerUser);
        assertThat(moment.outcomes()).isEqualTo(REVENUE);
        assertThat(moment.messages().announcement()).isEqualTo("You earned a reward!");
    }

    @Test
    void aMomentOffersAtMostFiftyRewards_eachOnce() {
        RewardId[] fifty = IntStream.range(0, Moment.MAX_REWARDS).mapToObj(i -> new RewardId("rwd_" + i))
                .toArray(RewardId[]::new);
        assertThat(aMoment().rewards(fifty).build().rewards()).hasSize(50);

        RewardId[] fiftyOne = IntStream.range(0, Moment.MAX_REWARDS + 1).mapToObj(i -> new RewardId("rwd_" + i))
                .toArray(RewardId[]::new);
        assertThatThrownBy(() -> aMoment().rewards(fiftyOne).build()).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("rewards");
        assertThatThrownBy(() -> aMoment().rewards(new RewardId("rwd_1"), new RewardId("rwd_1")).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("twice");
    }

    @Test
    void anExpectedValuePerAction_whenGiven_isPositive() {
        assertThat(aMoment().expectedValuePerAction(usd("0.01")).build().expectedValuePerAction())
                .isEqualTo(usd("0.01"));
        assertThat(aMoment().build().expectedValuePerAction()).isNull();
        assertThatThrownBy(() -> aMoment().expectedValuePerAction(usd("0.00")).build())
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("expectedValuePerAction");
    }

    @Test
    void aMomentListensToItsTriggersEvents_andToThoseItsOutcomesAreReadFrom() {
        assertThat(aMoment().trigger(ORDER).build().eventTypes()).containsExactly("order.completed");
        assertThat(aMoment().trigger(new EventTrigger("app.opened", null)).outcomes(REVENUE).build().eventTypes())
                .containsExactlyInAnyOrder("app.opened", "order.completed", "subscription.renewed");
    }

    @Test
    void outcomesFollowRevenueOnlyWhenTheyHaveIt() {
        assertThat(REVENUE.followsRevenue()).isTrue();
        assertThat(REVENUE.eventTypes()).containsExactlyInAnyOrder("order.completed", "subscription.renewed");
        assertThat(Outcomes.NONE.followsRevenue()).isFalse();
        assertThat(Outcomes.NONE.eventTypes()).isEmpty();
    }

    @Test
    void revenueIsReadFromAtLeastOneEventType() {
        assertThatThrownBy(() -> new Outcomes.Revenue(Set.of(), "event.total")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("outcomes.revenue.events");
        assertThatThrownBy(() -> new Outcomes.Revenue(null, "event.total")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("outcomes.revenue.events");
    }

    @Test
    void messagesAreAtMostAThousandCharacters() {
        String longest = "a".repeat(Messages.MAX_LENGTH);
        assertThat(new Messages(longest, longest).confirmation()).hasSize(1000);
        assertThatThrownBy(() -> new Messages(longest + "a", null)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("messages.announcement");
        assertThatThrownBy(() -> new Messages(null, longest + "a")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("messages.confirmation");
    }

    @Test
    void onlyALiveMomentPaysForCompletions() {
        assertThat(MomentStatus.values()).filteredOn(MomentStatus::paysForCompletions)
                .containsExactly(MomentStatus.LIVE);
    }

    @Test
    void anIdIsWrittenAsItsValue() {
        assertThat(new MomentId("mom_abc")).hasToString("mom_abc");
        assertThatThrownBy(() -> new MomentId(" ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aRefusedStepNamesTheStatusAndTheStep_underItsProblemCode() {
        Moment finished = aMoment().status(MomentStatus.FINISHED).build();

        assertThatThrownBy(() -> finished.pause(NOW)).isInstanceOfSatisfying(InvalidTransitionException.class, e -> {
            assertThat(e.from()).isEqualTo(MomentStatus.FINISHED);
            assertThat(e.action()).isEqualTo("be paused");
            assertThat(e.code()).isEqualTo("invalid-transition");
            assertThat(e).hasMessage("a FINISHED moment cannot be paused");
        });
        assertThatThrownBy(() -> aMoment().status(MomentStatus.LIVE).build().requireEditable())
                .isInstanceOfSatisfying(MomentNotEditableException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(MomentStatus.LIVE);
                            assertThat(e.code()).isEqualTo("not-editable");
                        });
    }
}
