package dev.moments.adapter.persistence;

import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.StoreUnavailableException;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.shared.InvalidValueException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs each unit of work in a new JTA transaction and turns a lost race in PostgreSQL (unique violation,
 * serialization failure, deadlock) into {@link ConcurrentWriteException} and a database that cannot be used now into
 * {@link StoreUnavailableException}; every other exception reaches the caller as the work threw it, after the
 * rollback.
 *
 * <p>{@code QuarkusTransaction.requiringNew().call(...)} rolls back on any throwable of the work and rethrows a
 * {@link RuntimeException} unchanged, but wraps anything else (an {@link Error}, a checked exception) and any
 * failure of the commit itself in a {@link QuarkusTransactionException}; those are unwrapped here.
 */
@ApplicationScoped
public class QuarkusTransactionRunner implements TransactionRunner {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
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
