package dev.moments.application.port.out.contract;

import static dev.moments.application.fixtures.Waits.await;
import static dev.moments.application.fixtures.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.RecordedResponse;
import dev.moments.application.port.out.IdempotencyKeys.Used;
import dev.moments.application.port.out.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@code IdempotencyKeys} must do. */
public abstract class IdempotencyKeysContract extends ContractSupport {

    private static final RecordedResponse CREATED = new RecordedResponse(201, "application/json",
            "{\"id\": \"rwd_1\"}".getBytes(StandardCharsets.UTF_8), "http://localhost:8080/v1/rewards/rwd_1");

    /** Threads of its own: the transactions of one test wait for each other, so they must run side by side. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private IdempotencyKeys keys() {
        return ports().idempotencyKeys();
    }

    /** Claims the key and, when it was free, completes it with {@code response}, in one transaction. */
    private Optional<Used> use(String scope, String key, String fingerprint, RecordedResponse response, Instant at) {
        return tx(() -> {
            Optional<Used> used = keys().claim(scope, key, fingerprint, at);
            if (used.isEmpty()) {
                keys().complete(scope, key, response);
            }
            return used;
        });
    }

    @Test
    void aFreeKeyIsClaimed_andOnceCompletedAnswersItsFingerprintAndResponse() {
        String scope = unique("ptn_");

        assertThat(use(scope, "k-1", "fingerprint-1", CREATED, AT)).isEmpty();

        Optional<Used> again = use(scope, "k-1", "fingerprint-1", CREATED, AT);
        assertThat(again).contains(new Used("fingerprint-1", CREATED));
    }

    @Test
    void aClaimWithAnotherFingerprint_answersWhatTheFirstRequestLeft_unchanged() {
        String scope = unique("ptn_");
        use(scope, "k-1", "fingerprint-1", CREATED, AT);

        Optional<Used> other = use(scope, "k-1", "fingerprint-2", new RecordedResponse(200, null, new byte[0], null),
                AT);

        assertThat(other).contains(new Used("fingerprint-1", CREATED));
        assertThat(use(scope, "k-1", "fingerprint-1", CREATED, AT)).contains(new Used("fingerprint-1", CREATED));
    }

    @Test
    void keysOfAnotherScopeAreOtherKeys() {
        String first = unique("ptn_");
        String second = unique("ptn_");
        use(first, "k-1", "fingerprint-1", CREATED, AT);

        assertThat(use(second, "k-1", "fingerprint-2", CREATED, AT)).isEmpty();
        assertThat(use("admin-" + first, "k-1", "fingerprint-3", CREATED, AT)).isEmpty();
        assertThat(use(first, "k-1", "fingerprint-1", CREATED, AT)).contains(new Used("fingerprint-1", CREATED));
    }

    @Test
    void aClaimWhoseTransactionRollsBack_leavesTheKeyFree() {
        String scope = unique("ptn_");
        IllegalStateException failure = new IllegalStateException("the creation failed");

        assertThatThrownBy(() -> txRun(() -> {
            keys().claim(scope, "k-1", "fingerprint-1", AT);
            keys().complete(scope, "k-1", CREATED);
            throw failure;
        })).isSameAs(failure);

        assertThat(use(scope, "k-1", "fingerprint-2", CREATED, AT)).isEmpty();
        assertThat(use(scope, "k-1", "fingerprint-2", CREATED, AT)).contains(new Used("fingerprint-2", CREATED));
    }

    @Test
    void anyBytesComeBackExactly_andAResponseMayHaveNoTypeNoBodyAndNoLocation() {
        String scope = unique("ptn_");
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        RecordedResponse binary = new RecordedResponse(200, "application/octet-stream", bytes, null);
        RecordedResponse empty = new RecordedResponse(204, null, new byte[0], null);
        use(scope, "binary", "f", binary, AT);
        use(scope, "empty", "f", empty, AT);

        assertThat(use(scope, "binary", "f", binary, AT).orElseThrow().response().body()).isEqualTo(bytes);
        assertThat(use(scope, "empty", "f", empty, AT)).contains(new Used("f", empty));
    }

    @Test
    void twoTransactionsClaimingOneKeyAtOnce_oneWins_andTheOtherWaitsForItsResponse() throws Exception {
        String scope = unique("ptn_");
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Optional<Used>> first = CompletableFuture.supplyAsync(() -> tx(() -> {
            Optional<Used> used = keys().claim(scope, "k-1", "fingerprint-1", AT);
            firstClaimed.countDown();
            sleep(300); // the second claim now waits on this transaction's claim
            keys().complete(scope, "k-1", CREATED);
            return used;
        }), threads);
        CompletableFuture<Optional<Used>> second = CompletableFuture.supplyAsync(() -> {
            await(firstClaimed);
            return use(scope, "k-1", "fingerprint-1", CREATED, AT);
        }, threads);

        assertThat(first.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(second.get(30, TimeUnit.SECONDS)).contains(new Used("fingerprint-1", CREATED));
    }

    @Test
    void twoTransactionsClaimingOneKeyAtOnce_whenTheFirstRollsBack_theSecondGetsTheKey() throws Exception {
        String scope = unique("ptn_");
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> txRun(() -> {
            keys().claim(scope, "k-1", "fingerprint-1", AT);
            firstClaimed.countDown();
            sleep(300);
            throw new IllegalStateException("the creation failed");
        }), threads);
        CompletableFuture<Optional<Used>> second = CompletableFuture.supplyAsync(() -> {
            await(firstClaimed);
            return use(scope, "k-1", "fingerprint-2", CREATED, AT);
        }, threads);

        assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(use(scope, "k-1", "fingerprint-1", CREATED, AT)).contains(new Used("fingerprint-2", CREATED));
    }

    @Test
    void keysClaimedBeforeATime_areForgottenInBoundedBatches_andTheOthersKept() {
        // far in the past, so that no other test's keys are this old
        Instant old = Instant.parse("1990-01-01T00:00:00Z");
        Instant cut = old.plus(Duration.ofDays(1));
        String scope = unique("ptn_");
        for (String key : List.of("a", "b", "c")) {
            use(scope, key, "f", CREATED, old.plusSeconds(key.charAt(0)));
        }
        use(scope, "at-the-cut", "f", CREATED, cut);

        assertThat(tx(() -> keys().forgetClaimedBefore(cut, 2))).isEqualTo(2);
        assertThat(tx(() -> keys().forgetClaimedBefore(cut, 2))).isEqualTo(1);
        assertThat(tx(() -> keys().forgetClaimedBefore(cut, 2))).isZero();

        assertThat(use(scope, "a", "f2", CREATED, AT)).isEmpty();
        assertThat(use(scope, "c", "f2", CREATED, AT)).isEmpty();
        assertThat(use(scope, "at-the-cut", "f2", CREATED, AT)).contains(new Used("f", CREATED));
    }
}
