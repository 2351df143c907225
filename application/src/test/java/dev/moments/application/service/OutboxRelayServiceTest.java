package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.DirectTransactions;
import dev.moments.application.fixtures.FixedClock;
import dev.moments.application.fixtures.InMemoryAwardRepository;
import dev.moments.application.fixtures.InMemoryOutbox;
import dev.moments.application.fixtures.ReversibleTokenSealer;
import dev.moments.application.port.Relay;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.domain.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox relay: oldest first, marked only once the sink took them, each relay on its own, pruned late. */
class OutboxRelayServiceTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final PartnerId PARTNER = new PartnerId("ptn_1");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final FixedClock clock = new FixedClock(AT);
    private final RecordingSink broker = new RecordingSink(Relay.BROKER);
    private final RecordingSink webhooks = new RecordingSink(Relay.WEBHOOKS);
    private final RecordingSink emails = new RecordingSink(Relay.EMAIL);
    private final OutboxRelayService relay = new OutboxRelayService(outbox, List.of(broker, webhooks, emails),
            new AwardLinks(new InMemoryAwardRepository(), new ReversibleTokenSealer(), token -> "/r/" + token.value()),
            clock, new DirectTransactions(), Duration.ofDays(7));

    @Test
    void eachRelayPassesOnTheOldestEventsInTheOrderWritten_aBatchAtATime() {
        List<OutboxEvent> events = written(5);

        assertThat(relay.relay(Relay.BROKER, 3)).isEqualTo(3);
        assertThat(relay.relay(Relay.BROKER, 3)).isEqualTo(2);
        assertThat(relay.relay(Relay.BROKER, 3)).isZero();

        assertThat(broker.received).containsExactlyElementsOf(events);
        assertThat(webhooks.received).as("a relay of its own").isEmpty();
        assertThat(outbox.countPending(Relay.WEBHOOKS)).isEqualTo(5);
    }

    @Test
    void whenTheSinkFails_nothingIsMarked_andTheSameEventsAreOfferedAgain() {
        List<OutboxEvent> events = written(2);
        broker.failing = new IllegalStateException("the broker did not confirm");

        assertThatThrownBy(() -> relay.relay(Relay.BROKER, 10)).hasMessageContaining("did not confirm");
        assertThat(outbox.countPending(Relay.BROKER)).isEqualTo(2);

        broker.failing = null;
        assertThat(relay.relay(Relay.BROKER, 10)).isEqualTo(2);
        assertThat(broker.received).as("offered twice: at least once").containsExactly(events.get(0),
                events.get(1), events.get(0), events.get(1));
        assertThat(outbox.countPending(Relay.BROKER)).isZero();
    }

    @Test
    void aSinkThatIsNotReady_skipsItsTurn_andLeavesTheEventsWaiting() {
        written(2);
        broker.ready = false;

        assertThat(relay.relay(Relay.BROKER, 10)).isZero();

        assertThat(broker.received).isEmpty();
        assertThat(outbox.countPending(Relay.BROKER)).isEqualTo(2);
    }

    @Test
    void eventsArePrunedOnlyOnceEveryRelayPassedThemOn_andTheRetentionIsOver() {
        written(2);
        relay.relay(Relay.BROKER, 10);
        clock.advance(Duration.ofDays(8));
        assertThat(relay.prune(100)).as("the webhooks relay has not passed them on").isZero();

        relay.relay(Relay.WEBHOOKS, 10);
        assertThat(relay.prune(100)).as("the e-mail relay has not passed them on").isZero();

        relay.relay(Relay.EMAIL, 10);
        clock.set(AT.plus(Duration.ofDays(6)));
        assertThat(relay.prune(100)).as("within the retention").isZero();
        clock.set(AT.plus(Duration.ofDays(8)));
        assertThat(relay.prune(100)).isEqualTo(2);
        assertThat(outbox.recent(PARTNER, 10)).isEmpty();
    }

    @Test
    void aSinkThatSendsGetsEachAwardEventWithItsLink_oneThatKeepsTheEventsGetsThemAsWritten() {
        InMemoryAwardRepository awards = new InMemoryAwardRepository();
        ReversibleTokenSealer sealer = new ReversibleTokenSealer();
        awards.insert(AwardLinksTest.award("awd_0"), sealer.seal(AwardLinksTest.TOKEN));
        List<OutboxEvent> sent = new ArrayList<>();
        List<OutboxEvent> kept = new ArrayList<>();
        OutboxSink sending = new OutboxSink() {
            @Override
            public Relay relay() {
                return Relay.BROKER;
            }

            @Override
            public void accept(List<OutboxEvent> events) {
                sent.addAll(events);
            }
        };
        OutboxSink keeping = new OutboxSink() {
            @Override
            public Relay relay() {
                return Relay.WEBHOOKS;
            }

            @Override
            public boolean keepsEvents() {
                return true;
            }

            @Override
            public void accept(List<OutboxEvent> events) {
                kept.addAll(events);
            }
        };
        OutboxRelayService relay = new OutboxRelayService(outbox, List.of(sending, keeping),
                new AwardLinks(awards, sealer, token -> "/r/" + token.value()), clock, new DirectTransactions(),
                Duration.ofDays(7));
        List<OutboxEvent> events = written(1);

        assertThat(relay.relay(Relay.BROKER, 10)).isEqualTo(1);
        assertThat(relay.relay(Relay.WEBHOOKS, 10)).isEqualTo(1);

        assertThat(sent).singleElement().satisfies(event -> assertThat(event.data()).containsEntry("redeemUrl", "/r/" + AwardLinksTest.TOKEN));
        assertThat(kept).containsExactlyElementsOf(events);
        assertThat(kept.get(0).data()).doesNotContainKey("redeemUrl");
    }

    private List<OutboxEvent> written(int count) {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new OutboxEvent("evt_" + i, PARTNER, "award.earned", Map.of("id", "awd_" + i), AT));
        }
        outbox.appendAll(events);
        return events;
    }

    /** A sink that keeps what it was given; it can fail or be not ready. */
    private static final class RecordingSink implements OutboxSink {

        final Relay relay;
        final List<OutboxEvent> received = new ArrayList<>();
        RuntimeException failing;
        boolean ready = true;

        RecordingSink(Relay relay) {
            this.relay = relay;
        }

        @Override
        public Relay relay() {
            return relay;
        }

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void accept(List<OutboxEvent> events) {
            received.addAll(events);
            if (failing != null) {
                throw failing;
            }
        }
    }
}
