package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.CodePool;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.reward.Reward;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@code CodePool} must do. */
public abstract class CodePoolContract extends ContractSupport {

    @Test
    void codesAreAddedOncePerPoolAndCounted() {
        Partner partner = givenPartner();
        Reward reward = givenReward(partner);
        Reward other = givenReward(partner);

        CodePool.Added first = tx(() -> ports().codes().add(partner.id(), reward.id(), List.of("A", "B"), AT));
        CodePool.Added second = tx(() -> ports().codes().add(partner.id(), reward.id(), List.of("B", "C"), AT));
        tx(() -> ports().codes().add(partner.id(), other.id(), List.of("A"), AT));

        assertThat(first).isEqualTo(new CodePool.Added(2, 0));
        assertThat(second).isEqualTo(new CodePool.Added(1, 1));
        assertThat(tx(() -> ports().codes().available(reward.id()))).isEqualTo(3);
        Reward empty = givenReward(partner);
        assertThat(tx(() -> ports().codes().available(List.of(reward.id(), other.id(), empty.id()))))
                .isEqualTo(Map.of(reward.id(), 3L, other.id(), 1L));
    }

    @Test
    void eachCodeIsAssignedToOneAwardOldestFirstUntilNoneIsLeft() {
        Partner partner = givenPartner();
        Reward reward = givenReward(partner);
        txRun(() -> ports().codes().add(partner.id(), reward.id(), List.of("A", "B"), AT));

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tx(() -> ports().codes().assign(reward.id(), new AwardId(unique("awd_")), AT)).ifPresent(codes::add);
        }
        assertThat(codes).containsExactly("A", "B");
        assertThat(tx(() -> ports().codes().available(reward.id()))).isZero();
        assertThat(tx(() -> ports().codes().available(List.of(reward.id())))).isEqualTo(Map.of(reward.id(), 0L));
    }

    @Test
    void aLowPoolIsMarkedOncePerCrossing() {
        Partner partner = givenPartner();
        Reward reward = givenReward(partner);
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add("K" + i);
        }
        txRun(() -> ports().codes().add(partner.id(), reward.id(), ten, AT));
        for (int i = 0; i < 8; i++) {
            txRun(() -> ports().codes().assign(reward.id(), new AwardId(unique("awd_")), AT));
        }
        assertThat(tx(() -> ports().codes().markLowOnce(reward.id()))).isFalse();
        txRun(() -> ports().codes().assign(reward.id(), new AwardId(unique("awd_")), AT));
        assertThat(tx(() -> ports().codes().markLowOnce(reward.id()))).isTrue();
        assertThat(tx(() -> ports().codes().markLowOnce(reward.id()))).isFalse();

        txRun(() -> ports().codes().add(partner.id(), reward.id(), List.of("M1", "M2", "M3"), AT));
        assertThat(tx(() -> ports().codes().markLowOnce(reward.id()))).isFalse();
        for (int i = 0; i < 3; i++) {
            txRun(() -> ports().codes().assign(reward.id(), new AwardId(unique("awd_")), AT));
        }
        assertThat(tx(() -> ports().codes().markLowOnce(reward.id()))).isTrue();
    }

    @Test
    void concurrentAssignmentsNeverHandOutOneCodeTwice() throws Exception {
        Partner partner = givenPartner();
        Reward reward = givenReward(partner);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add("P" + i);
        }
        txRun(() -> ports().codes().add(partner.id(), reward.id(), codes, AT));

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<java.util.Optional<String>>> assigned = new ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            for (int i = 0; i < 16; i++) {
                assigned.add(pool.submit(() -> {
                    start.await();
                    return tx(() -> ports().codes().assign(reward.id(), new AwardId(unique("awd_")), AT));
                }));
            }
            start.countDown();
            List<String> handedOut = new ArrayList<>();
            int none = 0;
            for (var future : assigned) {
                var code = future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (code.isPresent()) {
                    handedOut.add(code.get());
                } else {
                    none++;
                }
            }
            assertThat(handedOut).containsExactlyInAnyOrderElementsOf(codes);
            assertThat(none).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tx(() -> ports().codes().available(reward.id()))).isZero();
    }
}
