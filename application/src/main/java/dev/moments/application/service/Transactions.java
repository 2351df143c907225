package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.out.TransactionRunner;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work in a transaction and runs it again when it lost a race, a bounded number of times.
 *
 * <p>Inside a transaction already running (joined: an idempotent request runs a creation in the transaction that
 * claimed its key) the work runs once, without retry: a {@link ConcurrentWriteException} has doomed the whole
 * transaction, so it goes on to the outermost {@code run}, which rolls everything back and runs it all again.
 */
final class Transactions {

    static final int MAX_ATTEMPTS = 8;

    private final TransactionRunner runner;

    Transactions(TransactionRunner runner) {
        this.runner = runner;
    }

    <T> T run(Supplier<T> work) {
        if (runner.isActive()) {
            return runner.inTransaction(work);
        }
        ConcurrentWriteException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return runner.inTransaction(work);
            } catch (ConcurrentWriteException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Runs work that pays in a transaction, first deciding against the money as read and moving it last
     * ({@link Awarding.Locking#LAST}); once an attempt found that money moved under it ({@link Awarding.MoneyMoved}),
     * rolled back, again with the locks taken first, and {@code decidedAgain} runs once that attempt committed. Lost
     * races are retried as {@link #run} retries them. Joined to a transaction already running, the work runs once,
     * locking first: a failure there would doom the outer work.
     */
    <T> T runPaying(Function<Awarding.Locking, T> work, Runnable decidedAgain) {
        if (runner.isActive()) {
            return runner.inTransaction(() -> work.apply(Awarding.Locking.FIRST));
        }
        Awarding.Locking locking = Awarding.Locking.LAST;
        ConcurrentWriteException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Awarding.Locking thisAttempt = locking;
            try {
                T result = runner.inTransaction(() -> work.apply(thisAttempt));
                if (thisAttempt == Awarding.Locking.FIRST) {
                    decidedAgain.run();
                }
                return result;
            } catch (ConcurrentWriteException e) {
                last = e;
            } catch (Awarding.MoneyMoved e) {
                locking = Awarding.Locking.FIRST;
                last = new ConcurrentWriteException(e.getMessage(), e);
            }
        }
        throw last;
    }

    /** Runs {@code action} after the current transaction commits (the outermost one, when joined), or now. */
    void afterCommit(Runnable action) {
        runner.afterCommit(action);
    }
}
