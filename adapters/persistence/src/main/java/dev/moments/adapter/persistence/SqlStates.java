package dev.moments.adapter.persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import org.hibernate.JDBCException;

/**
 * Recognises, in a cause chain, the PostgreSQL errors that mean "a concurrent transaction got there first", and those
 * that mean "this text cannot be stored".
 */
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

    /** {@code protocol_violation}: in the connection-exception class, but a defect rather than an outage. */
    static final String PROTOCOL_VIOLATION = "08P01";
    /**
     * {@code query_canceled} (the transaction timeout cancelled the statement), {@code admin_shutdown},
     * {@code crash_shutdown}, {@code cannot_connect_now} (the server is going or coming) and
     * {@code lock_not_available} (a lock waited for longer than {@code lock_timeout}).
     */
    private static final Set<String> WAIT_OR_TRY_LATER = Set.of("57014", "57P01", "57P02", "57P03", "55P03");
    /**
     * What Agroal says, without a SQL state, when no connection came within the acquisition timeout ("Sorry,
     * acquisition timeout!", "Acquisition timeout while waiting for new connection").
     */
    static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private SqlStates() {
    }

    /** Whether the chain holds a unique violation, a serialization failure or a deadlock. */
    static boolean isConcurrencyConflict(Throwable failure) {
        return anyInChain(failure, (state, message) -> state != null && CONCURRENCY_CONFLICTS.contains(state));
    }

    /**
     * Whether the chain holds a refusal to store the NUL character (U+0000), which PostgreSQL text and jsonb cannot
     * hold: the driver's "zero bytes" refusal of a parameter, or the server's refusal of its JSON escape in jsonb.
     */
    static boolean isNulCharacter(Throwable failure) {
        return anyInChain(failure, (state, message) -> UNTRANSLATABLE_CHARACTER.equals(state)
                || CHARACTER_NOT_IN_REPERTOIRE.equals(state)
                || INVALID_PARAMETER_VALUE.equals(state) && String.valueOf(message).contains("Zero bytes"));
    }

    /**
     * Whether the chain says the database cannot be used now rather than that this work is wrong: a connection
     * failure (SQL state class {@code 08}: refused, broken, lost), the server shutting down or starting up
     * ({@code 57P01}–{@code 57P03}), the server out of connections or other resources (class {@code 53}), a lock
     * or a statement that waited too long ({@code 55P03}, {@code 57014}), or no connection from the pool within its
     * acquisition timeout.
     */
    static boolean isUnavailable(Throwable failure) {
        return anyInChain(failure, (state, message) -> state != null
                && (state.startsWith("08") && !PROTOCOL_VIOLATION.equals(state)
                || WAIT_OR_TRY_LATER.contains(state) || state.startsWith("53"))
                || message != null && message.toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT));
    }

    /**
     * Whether any failure in the chain — causes, and the exceptions a {@link SQLException} chains after itself (a
     * batch's) — has a SQL state (which a driver may leave out) and message that {@code test} accepts.
     */
    private static boolean anyInChain(Throwable failure, BiPredicate<String, String> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof JDBCException jdbc && test.test(jdbc.getSQLState(), jdbc.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null && (next == sql || seen.add(next));
                        next = next.getNextException()) {
                    if (test.test(next.getSQLState(), next.getMessage())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
