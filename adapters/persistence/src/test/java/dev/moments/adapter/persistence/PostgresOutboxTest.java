package dev.moments.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Relay;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.partner.Partner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Domain events are kept in the outbox in the caller's transaction, and only the partner's are read back. */
@QuarkusTest
class PostgresOutboxTest {

    @Inject
    TestData data;

    @Inject
    PostgresOutbox outbox;

    @Test
    void anAppendedEventIsReadBackAsItWasWrittenAndOnlyByItsPartner() {
        Partner partner = data.partner();
        OutboxEvent low = new OutboxEvent(TestData.unique("evt_"), partner.id(), "budget.low",
                Map.of("momentId", "mom_1", "remaining", "20.00"), TestData.AT);
        OutboxEvent exhausted = new OutboxEvent(TestData.unique("evt_"), partner.id(), "budget.exhausted",
                Map.of("momentId", "mom_1", "remaining", "0.00"), TestData.AT.plusSeconds(1));
        data.txRun(() -> {
            outbox.append(low);
            outbox.append(exhausted);
        });

        assertThat(data.tx(() -> outbox.recent(partner.id(), 10))).containsExactly(low, exhausted);
        assertThat(data.tx(() -> outbox.recent(data.partner().id(), 10))).isEmpty();
    }

    @Test
    void anEventOfARolledBackTransactionIsNotKept() {
        Partner partner = data.partner();
        try {
            data.txRun(() -> {
                outbox.append(new OutboxEvent(TestData.unique("evt_"), partner.id(), "budget.low", Map.of(),
                        TestData.AT));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(data.tx(() -> outbox.recent(partner.id(), 10))).isEmpty();
    }

    @Test
    void aRelaysLeaseIsHeldByOneTransactionAtATime_andFreedWhenItEnds() throws Exception {
        CountDownLatch leased = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = holder.submit(() -> data.tx(() -> {
                boolean taken = outbox.lease(Relay.BROKER);
                leased.countDown();
                await(release);
                return taken;
            }));
            assertThat(leased.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(data.tx(() -> outbox.lease(Relay.BROKER))).as("held by the other transaction").isFalse();
            assertThat(data.tx(() -> outbox.lease(Relay.WEBHOOKS))).as("another relay's lease").isTrue();

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(data.tx(() -> outbox.lease(Relay.BROKER))).as("given back with its transaction").isTrue();
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
