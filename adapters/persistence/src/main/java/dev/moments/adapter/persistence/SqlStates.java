package dev.moments.adapter.persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.JDBCException;

/** Recognises, in a cause chain, the PostgreSQL errors that mean "a concurrent transaction got there first". */
final class SqlStates {

    /** {@code unique_violation}: another row already holds the key. */
    static final String UNIQUE_VIOLATION = "23505";
    /** {@code serialization_failure}. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** {@code deadlock_detected}. */
    static final String DEADLOCK_DETECTED = "40P01";

    private static final Set<String> CONCURRENCY_CONFLICTS =
            Set.of(UNIQUE_VIOLATION, SERIALIZATION_FAILURE, DEADLOCK_DETECTED);

    private SqlStates() {
    }

    /** Whether the chain holds a unique violation, a serialization failure or a deadlock. */
    static boolean isConcurrencyConflict(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof JDBCException jdbc && isConflict(jdbc.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null && (next == sql || seen.add(next));
                        next = next.getNextException()) {
                    if (isConflict(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether a SQL state (which a driver may leave out) is one of the conflicts; {@code Set.of} refuses nulls. */
    private static boolean isConflict(String sqlState) {
        return sqlState != null && CONCURRENCY_CONFLICTS.contains(sqlState);
    }
}
