package dev.moments.domain.moment;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MomentLifecycleTest {

    private static final Instant LATER = NOW.plusSeconds(60);

    @Test
    void aNewMomentIsADraftThatCanBeTestedThenLaunched() {
        Moment draft = aMoment().build();
        Moment testing = draft.test(LATER);
        Moment live = testing.launch(true, LATER);

        assertThat(testing.status()).isEqualTo(MomentStatus.TEST);
        assertThat(live.status()).isEqualTo(MomentStatus.LIVE);
        assertThat(live.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aDraftCanBeLaunchedDirectly() {
        assertThat(aMoment().build().launch(true, LATER).status()).isEqualTo(MomentStatus.LIVE);
    }

    @Test
    void launchingWithABudgetThatCannotPayOneActionLeavesItExhausted() {
        assertThat(aMoment().build().launch(false, LATER).status()).isEqualTo(MomentStatus.EXHAUSTED);
    }

    @Test
    void aLiveMomentPausesAndResumes() {
        Moment paused = aMoment().status(MomentStatus.LIVE).build().pause(LATER);
        assertThat(paused.status()).isEqualTo(MomentStatus.PAUSED);
        assertThat(paused.resume(true, LATER).status()).isEqualTo(MomentStatus.LIVE);
        assertThat(paused.resume(false, LATER).status()).isEqualTo(MomentStatus.EXHAUSTED);
    }

    @Test
    void aFinishedMomentCannotBeResumedLaunchedPausedOrFinishedAgain() {
        Moment finished = aMoment().status(MomentStatus.LIVE).build().finish(LATER);
        assertThat(finished.status()).isEqualTo(MomentStatus.FINISHED);
        assertThatThrownBy(() -> finished.resume(true, LATER)).isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("FINISHED");
        assertThatThrownBy(() -> finished.launch(true, LATER)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> finished.pause(LATER)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> finished.finish(LATER)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void aLiveMomentCannotBeLaunchedAgainNorSentBackToTest() {
        Moment live = aMoment().status(MomentStatus.LIVE).build();
        assertThatThrownBy(() -> live.launch(true, LATER)).isInstanceOf(InvalidTransitionException.class)
                .extracting("from").isEqualTo(MomentStatus.LIVE);
        assertThatThrownBy(() -> live.test(LATER)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void aDraftCannotBePausedOrResumed() {
        Moment draft = aMoment().build();
        assertThatThrownBy(() -> draft.pause(LATER)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> draft.resume(true, LATER)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void aLiveMomentBecomesExhaustedWhenItsBudgetCannotPayAndLiveAgainAfterATopUp() {
        Moment live = aMoment().status(MomentStatus.LIVE).build();
        Moment exhausted = live.followBudget(false, LATER);
        assertThat(exhausted.status()).isEqualTo(MomentStatus.EXHAUSTED);
        assertThat(exhausted.followBudget(true, LATER).status()).isEqualTo(MomentStatus.LIVE);
    }

    @Test
    void followingTheBudgetLeavesPausedAndDraftMomentsAlone() {
        Moment paused = aMoment().status(MomentStatus.PAUSED).build();
        assertThat(paused.followBudget(false, LATER)).isSameAs(paused);
        Moment draft = aMoment().build();
        assertThat(draft.followBudget(true, LATER)).isSameAs(draft);
    }

    @Test
    void aFinishedMomentHasNoWayOut() {
        assertThat(MomentStatus.FINISHED.next()).isEmpty();
        for (MomentStatus status : MomentStatus.values()) {
            assertThat(status.canMoveTo(status)).as("%s to itself", status).isFalse();
        }
    }

    @Test
    void aMomentNeedsANameATriggerAndAtLeastOneReward() {
        assertThatThrownBy(() -> aMoment().name(" ").build()).hasMessageContaining("name");
        assertThatThrownBy(() -> aMoment().trigger(null).build()).hasMessageContaining("trigger");
        assertThatThrownBy(() -> aMoment().rewards().build()).hasMessageContaining("reward");
    }

    @Test
    void theHoldoutShareIsBetweenZeroAndNinetyNinePercent() {
        assertThatThrownBy(() -> aMoment().holdoutPercent(100).build())
                .isInstanceOf(dev.moments.domain.shared.InvalidValueException.class)
                .extracting("field").isEqualTo("holdoutPercent");
        assertThatThrownBy(() -> aMoment().holdoutPercent(-1).build())
                .isInstanceOf(dev.moments.domain.shared.InvalidValueException.class);
    }

    @Test
    void onlyADraftOrAPausedMomentCanBeEdited() {
        aMoment().build().requireEditable();
        aMoment().status(MomentStatus.PAUSED).build().requireEditable();
        for (MomentStatus status : java.util.List.of(MomentStatus.TEST, MomentStatus.LIVE, MomentStatus.EXHAUSTED,
                MomentStatus.FINISHED)) {
            assertThatThrownBy(() -> aMoment().status(status).build().requireEditable())
                    .isInstanceOf(MomentNotEditableException.class).hasMessageContaining(status.name())
                    .extracting("status").isEqualTo(status);
        }
        assertThatThrownBy(() -> aMoment().status(MomentStatus.LIVE).build().requireEditable())
                .hasMessageContaining("pause it first");
    }
}
