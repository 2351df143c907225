package dev.moments.application.service;

import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.TransactionRunner;
import java.util.function.Supplier;

/** Runs work in a transaction and runs it again when it lost a race, a bounded number of times. */
final class Transactions {

    static final int MAX_ATTEMPTS = 8;

    private final TransactionRunner runner;

    Transactions(TransactionRunner runner) {
        this.runner = runner;
    }

    <T> T run(Supplier<T> work) {
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
}
