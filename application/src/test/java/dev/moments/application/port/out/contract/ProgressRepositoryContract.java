package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.NodeState;
import dev.moments.domain.trigger.Observation;
import dev.moments.domain.trigger.ProgressState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code ProgressRepository} must do. */
public abstract class ProgressRepositoryContract extends ContractSupport {

    private static ProgressState someProgress() {
        NodeState leaf = new NodeState(false, 2, new BigDecimal("12.50"),
                List.of(new Observation(AT, new BigDecimal("5.25"), 0), new Observation(AT.plusSeconds(60), null, 3)),
                List.of(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25")), List.of());
        NodeState root = new NodeState(false, 0, BigDecimal.ZERO, List.of(), List.of(),
                List.of(leaf, NodeState.empty(new CountTrigger(new Match("a", null), 2, Duration.ofDays(1)))));
        return new ProgressState(AT.plusSeconds(60), AT, root, 3, 1);
    }

    @Test
    void savedProgressIsFoundAsItWasSavedWithEveryPartOfItsState() {
        Moment moment = givenMoment(givenPartner());
        UserProgress progress = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), true,
                "HOLDOUT", AT);
        txRun(() -> ports().progress().insert(progress));

        assertThat(tx(() -> ports().progress().find(moment.partnerId(), moment.id(), "u-1"))).contains(progress);
        assertThat(tx(() -> ports().progress().lock(moment.id(), "u-1"))).contains(progress);
    }

    @Test
    void savingAgainReplacesTheProgress() {
        Moment moment = givenMoment(givenPartner());
        txRun(() -> ports().progress().insert(new UserProgress(moment.partnerId(), moment.id(), "u-1",
                ProgressState.start(moment.trigger()), false, null, AT)));
        UserProgress later = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), false,
                "NOT_IN_AUDIENCE", AT.plusSeconds(5));
        txRun(() -> {
            ports().progress().lock(moment.id(), "u-1").orElseThrow();
            ports().progress().update(later);
        });
        assertThat(tx(() -> ports().progress().find(moment.partnerId(), moment.id(), "u-1"))).contains(later);
    }

    @Test
    void noProgressIsEmptyAndAnotherPartnerSeesNone() {
        Moment moment = givenMoment(givenPartner());
        assertThat(tx(() -> ports().progress().lock(moment.id(), "nobody"))).isEmpty();
        txRun(() -> ports().progress().insert(new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(),
                false, null, AT)));
        assertThat(tx(() -> ports().progress().find(givenPartner().id(), moment.id(), "u-1"))).isEmpty();
    }

    @Test
    void twoFirstProgressesOfOneUserCannotBothBeStored() {
        Moment moment = givenMoment(givenPartner());
        UserProgress first = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), false, null, AT);
        txRun(() -> ports().progress().insert(first));
        assertThatThrownBy(() -> txRun(() -> ports().progress().insert(first)))
                .isInstanceOf(ConcurrentWriteException.class);
    }
}
