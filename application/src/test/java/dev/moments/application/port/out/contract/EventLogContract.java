package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.Partner;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@code EventLog} must do. */
public abstract class EventLogContract extends ContractSupport {

    private static RecordedEvent event(Partner partner, String id) {
        return new RecordedEvent(partner.id(), id, "f".repeat(64), "order.completed", "u-1", AT, AT.plusSeconds(1), null);
    }

    @Test
    void aRecordedEventIsFoundByPartnerAndIdWithItsOutcome() {
        Partner partner = givenPartner();
        EventOutcome outcome = new EventOutcome(List.of(new AwardId("awd_1")),
                List.of(new EventOutcome.Progress(new MomentId("mom_1"), true, BigDecimal.ONE, BigDecimal.ONE),
                        new EventOutcome.Progress(new MomentId("mom_2"), false, new BigDecimal("12.50"), new BigDecimal("50.00"))),
                List.of(new MomentId("mom_3")));
        txRun(() -> ports().events().insert(event(partner, "evt-1").withOutcome(outcome)));

        RecordedEvent found = tx(() -> ports().events().find(partner.id(), "evt-1")).orElseThrow();
        assertThat(found.outcome()).isEqualTo(outcome);
        assertThat(found.fingerprint()).isEqualTo("f".repeat(64));
        assertThat(found.occurredAt()).isEqualTo(AT);
        assertThat(found.receivedAt()).isEqualTo(AT.plusSeconds(1));
    }

    @Test
    void theSameEventIdOfOnePartnerIsStoredOnlyOnce() {
        Partner partner = givenPartner();
        txRun(() -> ports().events().insert(event(partner, "evt-1")));
        assertThatThrownBy(() -> txRun(() -> ports().events().insert(event(partner, "evt-1"))))
                .isInstanceOf(ConcurrentWriteException.class);
    }

    @Test
    void twoPartnersMayUseTheSameEventId() {
        Partner first = givenPartner();
        Partner second = givenPartner();
        txRun(() -> ports().events().insert(event(first, "evt-1")));
        txRun(() -> ports().events().insert(event(second, "evt-1")));
        assertThat(tx(() -> ports().events().find(second.id(), "evt-1"))).isPresent();
        assertThat(tx(() -> ports().events().find(givenPartner().id(), "evt-1"))).isEmpty();
    }

    private static RecordedEvent event(Partner partner, String id, String userId, String type, int seconds,
                                       EventOutcome outcome) {
        return new RecordedEvent(partner.id(), id, Integer.toHexString(seconds).repeat(64).substring(0, 64), type,
                userId, AT.plusSeconds(seconds), AT.plusSeconds(seconds + 1), outcome);
    }

    @Test
    void aBatchOfEventsIsStoredWithTheirOutcomesAndFoundTogetherOnlyByItsPartner() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        RecordedEvent awarded = event(partner, "evt-1", "u-1", "order.completed", 10, new EventOutcome(
                List.of(new AwardId("awd_1"), new AwardId("awd_2")),
                List.of(new EventOutcome.Progress(new MomentId("mom_1"), true, BigDecimal.ONE, BigDecimal.ONE)),
                List.of()));
        RecordedEvent progressed = event(partner, "evt-2", "u-2", "level.up", 20, new EventOutcome(List.of(),
                List.of(new EventOutcome.Progress(new MomentId("mom_2"), false, new BigDecimal("12.50"),
                        new BigDecimal("50.00"))), List.of(new MomentId("mom_3"))));
        RecordedEvent nothing = event(partner, "evt-3", "u-1", "app.opened", 30,
                new EventOutcome(List.of(), List.of(), List.of()));
        RecordedEvent othersEvent = event(other, "evt-9", "u-1", "order.completed", 40, null);
        txRun(() -> ports().events().insertAll(List.of(awarded, progressed, nothing)));
        txRun(() -> ports().events().insertAll(List.of(othersEvent)));

        Map<String, RecordedEvent> found = tx(() -> ports().events().findAll(partner.id(),
                List.of("evt-1", "evt-2", "evt-3", "evt-unknown", "evt-9", "evt-2")));
        assertThat(found).containsOnly(Map.entry("evt-1", awarded), Map.entry("evt-2", progressed),
                Map.entry("evt-3", nothing));
        for (RecordedEvent stored : List.of(awarded, progressed, nothing)) {
            assertThat(tx(() -> ports().events().find(partner.id(), stored.eventId()))).contains(stored);
        }
        assertThat(tx(() -> ports().events().findAll(other.id(), List.of("evt-1", "evt-9"))))
                .containsOnly(Map.entry("evt-9", othersEvent));
        assertThat(tx(() -> ports().events().findAll(givenPartner().id(), List.of("evt-1", "evt-9")))).isEmpty();
        assertThat(tx(() -> ports().events().findAll(partner.id(), List.of()))).isEmpty();
    }

    @Test
    void aBatchHoldingAnEventIdAlreadyStoredIsRefusedWhole() {
        Partner partner = givenPartner();
        RecordedEvent stored = event(partner, "evt-1");
        txRun(() -> ports().events().insert(stored));
        EventOutcome outcome = new EventOutcome(List.of(new AwardId("awd_1")), List.of(), List.of());
        // The stored id leads the batch: the in-memory transactions do not roll back, PostgreSQL's must.
        List<RecordedEvent> batch = List.of(event(partner, "evt-1", "u-2", "level.up", 5, outcome),
                event(partner, "evt-2", "u-2", "level.up", 6, outcome),
                event(partner, "evt-3", "u-3", "level.up", 7, null));

        assertThatThrownBy(() -> txRun(() -> ports().events().insertAll(batch)))
                .isInstanceOf(ConcurrentWriteException.class);
        assertThat(tx(() -> ports().events().findAll(partner.id(), List.of("evt-1", "evt-2", "evt-3"))))
                .containsOnly(Map.entry("evt-1", stored));
    }

    @Test
    void aBatchHoldingOneEventIdTwiceIsRefused() {
        Partner partner = givenPartner();
        List<RecordedEvent> batch = Arrays.asList(event(partner, "evt-1"), event(partner, "evt-2"),
                event(partner, "evt-1", "u-2", "level.up", 5, null));

        assertThatThrownBy(() -> txRun(() -> ports().events().insertAll(batch)))
                .isInstanceOf(ConcurrentWriteException.class);
    }
}
