package dev.moments.adapter.persistence;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs each unit of work in a new JTA transaction, or joins the transaction the calling thread is already in, and
 * turns a lost race in PostgreSQL (unique violation, serialization failure, deadlock) into
 * {@link ConcurrentWriteException} and a database that cannot be used now into {@link StoreUnavailableException};
 * every other exception reaches the caller as the work threw it, after the rollback (or, when joined, after marking
 * the joined transaction rollback-only, so that it rolls back at its end).
 *
 * <p>{@code QuarkusTransaction.requiringNew().call(...)} and {@code joiningExisting().call(...)} roll back on any
 * throwable of the work and rethrow a {@link RuntimeException} unchanged, but wrap anything else (an {@link Error}, a
 * checked exception) and any failure of the commit itself in a {@link QuarkusTransactionException}; those are
 * unwrapped here.
 */
@ApplicationScoped
public class QuarkusTransactionRunner implements TransactionRunner {

    private static final Logger LOG = Logger.getLogger(QuarkusTransactionRunner.class);

    private final TransactionSynchronizationRegistry synchronizations;

    public QuarkusTransactionRunner(TransactionSynchronizationRegistry synchronizations) {
        this.synchronizations = synchronizations;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return isActive()
                    ? QuarkusTransaction.joiningExisting().call(work::get)
                    : QuarkusTransaction.requiringNew().call(work::get);
        } catch (ConcurrentWriteException | StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (SqlStates.isUnavailable(e)) {
                // rolled back; or, when the connection broke during the commit itself, with an outcome nobody can
                // know: sending the request again is safe for an event (its id) or a creation with an Idempotency-Key
                throw StoreOutageInterceptor.unavailable(e);
            }
            if (SqlStates.isConcurrencyConflict(e)) {
                throw new ConcurrentWriteException("a concurrent transaction wrote first; rolled back", e);
            }
            if (SqlStates.isNulCharacter(e)) {
                // bad input that only the database noticed: refused as such, with nothing stored
                throw new InvalidValueException("body", "text cannot contain the NUL character (U+0000)");
            }
            throw unwrap(e);
        }
    }

    /**
     * Whether the thread is in a transaction that work can join: active, or active and marked for rollback. Not one
     * that is completing or completed (an action after a commit runs while the committed transaction is still the
     * thread's): work there gets a transaction of its own.
     */
    @Override
    public boolean isActive() {
        int status = synchronizations.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    /**
     * Registers {@code action} as an interposed synchronization of the current transaction, run after its completion
     * if it committed; a transaction already marked for rollback will not commit, so the action is dropped.
     */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!isActive()) {
            action.run();
            return;
        }
        if (synchronizations.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
            return;
        }
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("an action after a commit failed; the transaction stays committed", e);
                }
            }
        });
    }

    private static RuntimeException unwrap(RuntimeException failure) {
        if (failure instanceof QuarkusTransactionException) {
            Throwable cause = failure.getCause();
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
        }
        return failure;
    }
}
