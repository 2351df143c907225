package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.Relay;
import dev.moments.domain.events.CodesLow;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@code DomainEventOutbox} must do. */
public abstract class DomainEventOutboxContract extends ContractSupport {

    @Test
    void eventsComeBackOldestFirstWithTheirData_onlyToTheirPartner() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        OutboxEvent first = event(partner, "budget.low", Map.of("momentId", "mom_1", "vip", true), 0);
        OutboxEvent second = event(partner, "budget.exhausted", Map.of("moment", Map.of("id", "mom_1")), 1);
        txRun(() -> {
            ports().outbox().append(first);
            ports().outbox().append(event(other, "budget.low", Map.of("momentId", "mom_9"), 0));
            ports().outbox().append(second);
        });

        List<OutboxEvent> found = tx(() -> ports().outbox().recent(partner.id(), 10));
        assertThat(found).extracting(OutboxEvent::id).containsExactly(first.id(), second.id());
        assertThat(found.get(0).type()).isEqualTo("budget.low");
        assertThat(found.get(0).data()).isEqualTo(Map.of("momentId", "mom_1", "vip", true));
        assertThat(found.get(1).data()).isEqualTo(Map.of("moment", Map.of("id", "mom_1")));
        assertThat(found.get(1).createdAt()).isEqualTo(second.createdAt());
    }

    @Test
    void eventsWrittenTogetherKeepTheirOrder_andReadsStopAtTheLimit() {
        Partner partner = givenPartner();
        List<OutboxEvent> events = List.of(event(partner, "award.earned", Map.of("n", "1"), 0),
                event(partner, "award.earned", Map.of("n", "2"), 0),
                event(partner, "award.earned", Map.of("n", "3"), 0));
        txRun(() -> ports().outbox().appendAll(events));

        assertThat(tx(() -> ports().outbox().recent(partner.id(), 10))).extracting(OutboxEvent::id)
                .containsExactly(events.get(0).id(), events.get(1).id(), events.get(2).id());
        assertThat(tx(() -> ports().outbox().recent(partner.id(), 2))).hasSize(2);
    }

    @Test
    void aRaisedDomainEventIsWrittenAsItsContractTypeUnderANewId() {
        Partner partner = givenPartner();
        RewardId reward = new RewardId(unique("rwd_"));
        txRun(() -> ports().outbox().raise(new CodesLow(partner.id(), reward, "Gift card", 3, AT),
                prefix -> unique(prefix)));

        OutboxEvent written = tx(() -> ports().outbox().recent(partner.id(), 10)).get(0);
        assertThat(written.id()).startsWith(OutboxEvent.ID_PREFIX);
        assertThat(written.type()).isEqualTo("codes.low");
        assertThat(written.data()).containsEntry("rewardId", reward.value()).containsEntry("name", "Gift card");
        assertThat(String.valueOf(written.data().get("codesAvailable"))).isEqualTo("3");
    }

    @Test
    void eachRelayReadsWhatItHasNotPassedOn_inTheOrderWritten_andOnlyRowsEveryRelayPassedOnArePruned() {
        relayEverything();
        Partner partner = givenPartner();
        List<OutboxEvent> events = List.of(event(partner, "award.earned", Map.of("id", "awd_1"), 0),
                event(partner, "award.claimed", Map.of("id", "awd_1"), 0),
                event(partner, "budget.low", Map.of("momentId", "mom_1"), 1));
        txRun(() -> ports().outbox().appendAll(events));

        assertThat(tx(() -> ports().outbox().pending(Relay.BROKER, 10))).extracting(OutboxEvent::id)
                .containsExactly(events.get(0).id(), events.get(1).id(), events.get(2).id());
        assertThat(tx(() -> ports().outbox().countPending(Relay.BROKER))).isEqualTo(3);
        txRun(() -> ports().outbox().markRelayed(Relay.BROKER, List.of(events.get(0).id()), AT));

        assertThat(tx(() -> ports().outbox().pending(Relay.BROKER, 10))).extracting(OutboxEvent::id)
                .containsExactly(events.get(1).id(), events.get(2).id());
        assertThat(tx(() -> ports().outbox().pending(Relay.WEBHOOKS, 1))).extracting(OutboxEvent::id)
                .containsExactly(events.get(0).id());
        assertThat(tx(() -> ports().outbox().prune(AT.plusSeconds(60), 10))).as("passed on by one relay only")
                .isZero();

        txRun(() -> ports().outbox().markRelayed(Relay.WEBHOOKS, List.of(events.get(0).id()), AT));
        assertThat(tx(() -> ports().outbox().prune(AT.plusSeconds(60), 10))).as("not passed on by the e-mail relay")
                .isZero();
        txRun(() -> ports().outbox().markRelayed(Relay.EMAIL, List.of(events.get(0).id()), AT));
        assertThat(tx(() -> ports().outbox().prune(AT, 10))).as("not older than the cut").isZero();
        assertThat(tx(() -> ports().outbox().prune(AT.plusSeconds(60), 10))).isEqualTo(1);
        assertThat(tx(() -> ports().outbox().recent(partner.id(), 10))).extracting(OutboxEvent::id)
                .containsExactly(events.get(1).id(), events.get(2).id());
        assertThat(tx(() -> ports().outbox().pending(Relay.BROKER, 10)).get(0).awardId()).isEqualTo("awd_1");
    }

    /** Marks whatever earlier tests left as passed on by every relay, and prunes it. */
    private void relayEverything() {
        for (Relay relay : Relay.values()) {
            txRun(() -> {
                List<OutboxEvent> left;
                while (!(left = ports().outbox().pending(relay, 1000)).isEmpty()) {
                    ports().outbox().markRelayed(relay, left.stream().map(OutboxEvent::id).toList(), AT);
                }
            });
        }
        while (tx(() -> ports().outbox().prune(Instant.parse("9999-01-01T00:00:00Z"), 1000)) > 0) {
            // pruned a thousand; the next round takes the rest
        }
    }

    private static OutboxEvent event(Partner partner, String type, Map<String, Object> data, long second) {
        return new OutboxEvent(unique(OutboxEvent.ID_PREFIX), partner.id(), type, data, AT.plusSeconds(second));
    }
}
