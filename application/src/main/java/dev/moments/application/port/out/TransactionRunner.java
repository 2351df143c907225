package dev.moments.application.port.out;

import dev.moments.application.port.ConcurrentWriteException;
import java.util.function.Supplier;

/**
 * Runs a unit of work in one transaction: all of its writes commit together or none does.
 *
 * <p>When a concurrent writer got there first (a unique key or a serialization conflict) it throws
 * {@link ConcurrentWriteException} after rolling back, and the caller may run the work again.
 *
 * <p>Called again while the calling thread is already inside one of its transactions, it <em>joins</em> that
 * transaction instead of starting another: the work runs in it, commits with it, and a failure of the work (thrown
 * as for a transaction of its own) rolls the whole transaction back when it reaches the outermost caller. That is how
 * an idempotency key is claimed in the same transaction as the creation it guards.
 */
public interface TransactionRunner {

    /** Runs {@code work} in a new transaction, or in the calling thread's current one (see above). */
    <T> T inTransaction(Supplier<T> work);

    /** Whether the calling thread is inside a transaction of this runner, which {@link #inTransaction} would join. */
    boolean isActive();

    /**
     * Runs {@code action} once the calling thread's current transaction has committed, or at once when there is no
     * transaction; never when it rolls back. For what must not be seen before the commit (an in-memory cache that
     * another request could otherwise reload from the old rows). An action that fails is logged, not rethrown: the
     * transaction has committed by then.
     */
    void afterCommit(Runnable action);
}
