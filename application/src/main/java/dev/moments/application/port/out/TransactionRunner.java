package dev.moments.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one transaction: all of its writes commit together or none does.
 *
 * <p>When a concurrent writer got there first (a unique key or a serialization conflict) it throws
 * {@link ConcurrentWriteException} after rolling back, and the caller may run the work again.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
