package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.RecordingMetrics;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.application.port.out.Metrics;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events counted by outcome, with their time; what a duplicate brings again is not counted twice. */
class MeteredRecordEventTest {

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final List<String> counted = metrics.counted;
    private long now;

    @Test
    void aNewEventCountsItsRefusals_aDuplicateOnlyItself_andAFailureItsKind() {
        RecordEventUseCase inner = new Stub(List.of(
                new RecordEventUseCase.EventResult("e1", false, List.of(), List.of(), List.of(),
                        List.of(Refusal.HOLDOUT)),
                new RecordEventUseCase.EventResult("e1", true, List.of(), List.of(), List.of(), List.of())));
        MeteredRecordEvent metered = new MeteredRecordEvent(inner, metrics, () -> now += 5_000_000);

        metered.record(command("e1"));
        metered.record(command("e1"));

        assertThat(counted).containsExactly("RECORDED 5ms", "refused HOLDOUT", "DUPLICATE 5ms");
    }

    @Test
    void failuresAreCountedByKind_andStillThrown() {
        assertThat(MeteredRecordEvent.outcomeOf(new EventIdConflictException("e1")))
                .isEqualTo(Metrics.EventOutcome.CONFLICT);
        assertThat(MeteredRecordEvent.outcomeOf(new InvalidValueException("userId", "required")))
                .isEqualTo(Metrics.EventOutcome.INVALID);
        assertThat(MeteredRecordEvent.outcomeOf(new StoreUnavailableException("down", null)))
                .isEqualTo(Metrics.EventOutcome.UNAVAILABLE);
        assertThat(MeteredRecordEvent.outcomeOf(new IllegalStateException("bug")))
                .isEqualTo(Metrics.EventOutcome.FAILED);

        MeteredRecordEvent metered = new MeteredRecordEvent(new Stub(List.of()), metrics, () -> now += 1_000_000);
        assertThatThrownBy(() -> metered.record(command("e9"))).isInstanceOf(IllegalStateException.class);
        assertThat(counted).containsExactly("FAILED 1ms");
    }

    @Test
    void aBatchsEventsShareItsTime() {
        RecordEventUseCase inner = new Stub(List.of());
        MeteredRecordEvent metered = new MeteredRecordEvent(new RecordEventUseCase() {
            @Override
            public EventResult record(RecordEventCommand command) {
                return inner.record(command);
            }

            @Override
            public EventResult dryRun(RecordEventCommand command) {
                return inner.dryRun(command);
            }

            @Override
            public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
                return List.of(BatchItem.of(new EventResult("a", false, List.of(), List.of(), List.of(), List.of())),
                        BatchItem.failed(new InvalidValueException("type", "required")));
            }
        }, metrics, () -> now += 10_000_000);

        metered.recordAll(List.of(command("a"), command("b")));

        assertThat(counted).containsExactly("RECORDED 5ms", "INVALID 5ms");
    }

    @Test
    void aNewEventCountsItsAwardsByMoment_aDuplicateDoesNot_andEachCallGetsItsOwnAnswer() {
        EventResult earned = new EventResult("e1", false, List.of(award("mom_a"), award("mom_b")), List.of(),
                List.of(), List.of());
        EventResult again = new EventResult("e1", true, earned.awards(), List.of(), List.of(), List.of());
        MeteredRecordEvent metered = new MeteredRecordEvent(new Stub(List.of(earned, again)), metrics,
                () -> now += 1_000_000);

        assertThat(metered.record(command("e1"))).isSameAs(earned);
        assertThat(metered.record(command("e1"))).isSameAs(again);

        assertThat(counted).containsExactly("RECORDED 1ms", "award mom_a", "award mom_b", "DUPLICATE 1ms");
    }

    @Test
    void aBatchCountsTheAwardsOfItsNewEvents_andAnswersItsItems() {
        List<BatchItem> items = List.of(BatchItem.of(new EventResult("a", false, List.of(award("mom_a")), List.of(),
                List.of(), List.of())));
        MeteredRecordEvent metered = new MeteredRecordEvent(new Stub(List.of()) {
            @Override
            public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
                return items;
            }
        }, metrics, () -> now += 1_000_000);

        assertThat(metered.recordAll(List.of(command("a")))).isEqualTo(items);
        assertThat(counted).containsExactly("RECORDED 1ms", "award mom_a");
    }

    @Test
    void aDryRunIsAnsweredAndNotCounted() {
        EventResult dry = new EventResult("e1", false, List.of(), List.of(), List.of(), List.of());
        MeteredRecordEvent metered = new MeteredRecordEvent(new Stub(List.of()) {
            @Override
            public EventResult dryRun(RecordEventCommand command) {
                return dry;
            }
        }, metrics, () -> now += 1_000_000);

        assertThat(metered.dryRun(command("e1"))).isSameAs(dry);
        assertThat(counted).isEmpty();
    }

    private static AwardView award(String moment) {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new AwardView(new Award(new AwardId("awd_" + moment), new PartnerId("ptn_1"), new MomentId(moment),
                "u-1", null, 1, AwardStatus.EARNED, Money.of("5.00", "USD"), false, "e1", "digest", at, at, null, at),
                Optional.empty(), null);
    }

    private static RecordEventCommand command(String id) {
        return new RecordEventCommand(new PartnerId("ptn_1"), id, "order.completed", "u-1", null, null, null, null,
                null);
    }

    /** Answers the given results in turn, then fails as a defect would. */
    private static class Stub implements RecordEventUseCase {

        private final List<EventResult> results;
        private int next;

        Stub(List<EventResult> results) {
            this.results = results;
        }

        @Override
        public EventResult record(RecordEventCommand command) {
            if (next == results.size()) {
                throw new IllegalStateException("no more results");
            }
            return results.get(next++);
        }

        @Override
        public EventResult dryRun(RecordEventCommand command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
            throw new UnsupportedOperationException();
        }
    }
}
