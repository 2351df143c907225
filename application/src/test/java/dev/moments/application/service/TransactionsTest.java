package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.DirectTransactions;
import dev.moments.application.port.ConcurrentWriteException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Transactions inside transactions: joined, retried only as a whole, their after-commit work after the outermost. */
class TransactionsTest {

    private final DirectTransactions runner = new DirectTransactions();
    private final Transactions transactions = new Transactions(runner);

    @Test
    void aLostRaceInsideAJoinedTransaction_isNotRetriedThere_butTheWholeOuterTransactionRunsAgain() {
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();

        String result = transactions.run(() -> {
            outer.incrementAndGet();
            return transactions.run(() -> {
                if (inner.incrementAndGet() == 1) {
                    throw new ConcurrentWriteException("lost a race", null);
                }
                return "done";
            });
        });

        assertThat(result).isEqualTo("done");
        assertThat(outer).hasValue(2);
        assertThat(inner).hasValue(2);
    }

    @Test
    void aJoinedTransactionThatKeepsLosing_givesUpWithTheOuterOneAfterTheBoundedAttempts() {
        AtomicInteger inner = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> transactions.run(() -> {
            inner.incrementAndGet();
            throw new ConcurrentWriteException("lost a race", null);
        }))).isInstanceOf(ConcurrentWriteException.class);

        assertThat(inner).hasValue(Transactions.MAX_ATTEMPTS);
    }

    @Test
    void afterCommitWorkOfAJoinedTransaction_runsAfterTheOutermostOneEnds() {
        List<String> order = new ArrayList<>();

        transactions.run(() -> {
            transactions.run(() -> order.add("inner work"));
            transactions.afterCommit(() -> order.add("after the inner commit"));
            order.add("outer work after the inner transaction");
            return null;
        });

        assertThat(order).containsExactly("inner work", "outer work after the inner transaction",
                "after the inner commit");
    }

    @Test
    void afterCommitWork_runsAtOnceOutsideATransaction_andNeverAfterARollback() {
        List<String> order = new ArrayList<>();
        transactions.afterCommit(() -> order.add("at once"));
        assertThat(order).containsExactly("at once");

        assertThatThrownBy(() -> transactions.run(() -> {
            transactions.afterCommit(() -> order.add("after a rollback"));
            throw new IllegalStateException("fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(order).containsExactly("at once");
    }

    @Test
    void payingWork_firstMovesTheMoneyLast_andOnceTheMoneyMovedUnderIt_runsAgainLockingFirst() {
        List<Awarding.Locking> attempts = new ArrayList<>();

        AtomicInteger decidedAgain = new AtomicInteger();

        String result = transactions.runPaying(locking -> {
            attempts.add(locking);
            if (attempts.size() == 1) {
                throw new Awarding.MoneyMoved("the budget moved");
            }
            return "paid";
        }, decidedAgain::incrementAndGet);

        assertThat(result).isEqualTo("paid");
        assertThat(attempts).containsExactly(Awarding.Locking.LAST, Awarding.Locking.FIRST);
        assertThat(runner.units()).isEqualTo(2);
        assertThat(decidedAgain).as("counted once, after the attempt locking first committed").hasValue(1);
    }

    @Test
    void payingWorkThatLostARace_runsAgainLockingAsBefore() {
        List<Awarding.Locking> attempts = new ArrayList<>();

        AtomicInteger decidedAgain = new AtomicInteger();

        transactions.runPaying(locking -> {
            attempts.add(locking);
            if (attempts.size() < 3) {
                throw new ConcurrentWriteException("lost a race", null);
            }
            return null;
        }, decidedAgain::incrementAndGet);

        assertThat(attempts).containsOnly(Awarding.Locking.LAST).hasSize(3);
        assertThat(decidedAgain).hasValue(0);
    }

    @Test
    void payingWorkJoinedToARunningTransaction_locksFirst() {
        Awarding.Locking joined = transactions.run(() -> transactions.runPaying(locking -> locking, () -> { }));

        assertThat(joined).isEqualTo(Awarding.Locking.FIRST);
    }

    @Test
    void theRunnerSaysWhetherTheCallingThreadIsInsideOneOfItsTransactions() {
        assertThat(runner.isActive()).isFalse();
        assertThat(transactions.run(runner::isActive)).isTrue();
        assertThat(runner.isActive()).isFalse();
    }
}
