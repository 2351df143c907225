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

    /** {@code untranslatable_character}: jsonb refuses the JSON escape of U+0000. */
    static final String UNTRANSLATABLE_CHARACTER = "22P05";
    /** {@code character_not_in_repertoire}: text refuses a zero byte. */
    static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    /** {@code invalid_parameter_value}: the driver refuses a string parameter holding a zero byte. */
    static final String INVALID_PARAMETER_VALUE = "22023";

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

    /**
     * Whether the chain holds a refusal to store the NUL character (U+0000), which PostgreSQL text and jsonb cannot
     * hold: the driver's "zero bytes" refusal of a parameter, or the server's refusal of its JSON escape in jsonb.
     */
    static boolean isNulCharacter(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String state = t instanceof JDBCException jdbc ? jdbc.getSQLState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            String message = String.valueOf(t.getMessage());
            if (UNTRANSLATABLE_CHARACTER.equals(state)
                    || CHARACTER_NOT_IN_REPERTOIRE.equals(state)
                    || INVALID_PARAMETER_VALUE.equals(state) && message.contains("Zero bytes")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a SQL state (which a driver may leave out) is one of the conflicts; {@code Set.of} refuses nulls. */
    private static boolean isConflict(String sqlState) {
        return sqlState != null && CONCURRENCY_CONFLICTS.contains(sqlState);
    }
}
