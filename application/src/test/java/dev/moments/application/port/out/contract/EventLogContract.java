package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.Partner;
import java.math.BigDecimal;
import java.util.List;
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
        txRun(() -> {
            ports().events().insert(event(partner, "evt-1"));
            ports().events().saveOutcome(partner.id(), "evt-1", outcome);
        });

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
}
