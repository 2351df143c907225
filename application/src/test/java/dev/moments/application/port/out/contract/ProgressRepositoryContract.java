package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.out.ProgressRepository.Key;
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
import java.util.Map;
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
                "HOLDOUT", AT, AT.minusSeconds(60), AT.minusSeconds(30), new BigDecimal("1234.5678"));
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
                "NOT_IN_AUDIENCE", AT.plusSeconds(5), AT.minusSeconds(30), AT, new BigDecimal("-3.5"));
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

    @Test
    void severalProgressesAreLockedAtOnceAsFindReadsThemAndMissingOnesAreLeftOut() {
        Moment moment = givenMoment(givenPartner());
        Moment other = givenMoment(givenPartner());
        UserProgress first = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), true, "HOLDOUT",
                AT);
        UserProgress second = new UserProgress(moment.partnerId(), moment.id(), "u-2",
                ProgressState.start(moment.trigger()), false, null, AT.plusSeconds(1));
        UserProgress elsewhere = new UserProgress(other.partnerId(), other.id(), "u-1", someProgress(), false,
                "NOT_IN_AUDIENCE", AT.plusSeconds(2));
        txRun(() -> {
            ports().progress().insert(first);
            ports().progress().insert(second);
            ports().progress().insert(elsewhere);
        });

        List<Key> keys = List.of(new Key(other.id(), "u-2"), new Key(moment.id(), "u-2"), new Key(other.id(), "u-1"),
                new Key(moment.id(), "u-3"), new Key(moment.id(), "u-1"), new Key(moment.id(), "u-2"));
        Map<Key, UserProgress> locked = tx(() -> ports().progress().lockAll(keys));

        assertThat(locked).containsOnly(Map.entry(new Key(moment.id(), "u-1"), first),
                Map.entry(new Key(moment.id(), "u-2"), second), Map.entry(new Key(other.id(), "u-1"), elsewhere));
        for (UserProgress stored : List.of(first, second, elsewhere)) {
            assertThat(tx(() -> ports().progress().find(stored.partnerId(), stored.momentId(), stored.userId())))
                    .contains(locked.get(new Key(stored.momentId(), stored.userId())));
        }
        assertThat(tx(() -> ports().progress().lockAll(List.of(new Key(moment.id(), "nobody"))))).isEmpty();
        assertThat(tx(() -> ports().progress().lockAll(List.of()))).isEmpty();
    }

    @Test
    void savingSeveralProgressesInsertsTheFirstOnesAndReplacesOnlyTheUpdatedOnes() {
        Moment moment = givenMoment(givenPartner());
        Moment other = givenMoment(givenPartner());
        UserProgress kept = new UserProgress(moment.partnerId(), moment.id(), "u-9",
                ProgressState.start(moment.trigger()), false, null, AT);
        UserProgress before = new UserProgress(moment.partnerId(), moment.id(), "u-1",
                ProgressState.start(moment.trigger()), false, null, AT);
        UserProgress otherBefore = new UserProgress(other.partnerId(), other.id(), "u-1",
                ProgressState.start(other.trigger()), true, "HOLDOUT", AT);
        txRun(() -> {
            ports().progress().insert(kept);
            ports().progress().insert(before);
            ports().progress().insert(otherBefore);
        });

        UserProgress updated = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), true,
                "HOLDOUT", AT.plusSeconds(5));
        UserProgress otherUpdated = new UserProgress(other.partnerId(), other.id(), "u-1", someProgress(), false,
                null, AT.plusSeconds(6));
        UserProgress inserted = new UserProgress(moment.partnerId(), moment.id(), "u-2", someProgress(), false,
                "NOT_IN_AUDIENCE", AT.plusSeconds(7));
        UserProgress otherInserted = new UserProgress(other.partnerId(), other.id(), "u-2",
                ProgressState.start(other.trigger()), true, null, AT.plusSeconds(8));
        txRun(() -> {
            ports().progress().lockAll(List.of(new Key(moment.id(), "u-1"), new Key(other.id(), "u-1")));
            ports().progress().saveAll(List.of(inserted, otherInserted), List.of(updated, otherUpdated));
        });

        for (UserProgress expected : List.of(updated, otherUpdated, inserted, otherInserted, kept)) {
            assertThat(tx(() -> ports().progress().find(expected.partnerId(), expected.momentId(),
                    expected.userId()))).contains(expected);
        }
        txRun(() -> ports().progress().saveAll(List.of(), List.of()));
    }

    @Test
    void aBatchOfFirstProgressesHoldingOneAlreadyStoredIsRefusedWhole() {
        Moment moment = givenMoment(givenPartner());
        UserProgress stored = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), false, null,
                AT);
        txRun(() -> ports().progress().insert(stored));
        // The stored one leads the batch: the in-memory transactions do not roll back, PostgreSQL's must.
        List<UserProgress> inserts = List.of(
                new UserProgress(moment.partnerId(), moment.id(), "u-1", ProgressState.start(moment.trigger()), true,
                        "HOLDOUT", AT.plusSeconds(1)),
                new UserProgress(moment.partnerId(), moment.id(), "u-2", someProgress(), false, null, AT),
                new UserProgress(moment.partnerId(), moment.id(), "u-3", someProgress(), false, null, AT));

        assertThatThrownBy(() -> txRun(() -> ports().progress().saveAll(inserts, List.of())))
                .isInstanceOf(ConcurrentWriteException.class);
        assertThat(tx(() -> ports().progress().lockAll(List.of(new Key(moment.id(), "u-1"),
                new Key(moment.id(), "u-2"), new Key(moment.id(), "u-3")))))
                .containsOnly(Map.entry(new Key(moment.id(), "u-1"), stored));
    }

    @Test
    void aNewTriggerStartsEveryUsersProgressOnTheMomentAgainAndKeepsTheRest() {
        Moment moment = givenMoment(givenPartner());
        Moment other = givenMoment(givenPartner());
        UserProgress first = new UserProgress(moment.partnerId(), moment.id(), "u-1", someProgress(), true, "HOLDOUT",
                AT);
        UserProgress second = new UserProgress(moment.partnerId(), moment.id(), "u-2", someProgress(), false, null, AT);
        UserProgress elsewhere = new UserProgress(other.partnerId(), other.id(), "u-1", someProgress(), false, null, AT);
        txRun(() -> List.of(first, second, elsewhere).forEach(ports().progress()::insert));
        var trigger = new dev.moments.domain.trigger.AllTrigger(List.of(
                new dev.moments.domain.trigger.EventTrigger("level.reached", null),
                new CountTrigger(new Match("quest.done", null), 3, null)));

        txRun(() -> ports().progress().restartAll(moment.id(), trigger));

        ProgressState before = someProgress();
        ProgressState restarted = new ProgressState(before.newest(), before.floor(), NodeState.empty(trigger),
                before.completions(), before.lateIgnored());
        assertThat(tx(() -> ports().progress().find(moment.partnerId(), moment.id(), "u-1"))).contains(
                new UserProgress(moment.partnerId(), moment.id(), "u-1", restarted, true, "HOLDOUT", AT));
        assertThat(tx(() -> ports().progress().find(moment.partnerId(), moment.id(), "u-2")).orElseThrow().state())
                .isEqualTo(restarted);
        assertThat(tx(() -> ports().progress().find(other.partnerId(), other.id(), "u-1"))).contains(elsewhere);
    }
}
