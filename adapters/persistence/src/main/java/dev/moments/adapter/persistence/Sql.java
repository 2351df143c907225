package dev.moments.adapter.persistence;

import dev.moments.application.port.ConcurrentWriteException;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain SQL on the transaction's own JDBC connection. Parameters are positional {@code ?}. Plain reads and writes go
 * through Hibernate (entities, Panache, JPQL); a statement comes here only for one of the reasons of
 * docs/architecture.md, "Persistence", named in a one-line comment above it: a lock ({@code FOR UPDATE},
 * {@code SKIP LOCKED}, advisory locks), a conditional update (money, compare-and-set), an upsert, a bulk read or write
 * ({@code = any(?)}, {@code unnest}, a jsonb operator), a JDBC batch of a unit of work, or the per-event path, where
 * an entity or a JPQL query cost measurably more.
 *
 * <p>Why not {@code createNativeQuery}: Hibernate 7.2 caches an interpretation of every native select under a key
 * that hashes alike from call to call but never compares equal, so each call adds an entry to one hash bucket, later
 * lookups walk it, and the junk pushes the JPQL plans out of the cache. Under the benchmark's load that walk was the
 * service's hottest code (14% of its CPU), with JPQL being parsed again behind it. Hibernate keeps its part: the
 * connection is the one enlisted in the transaction, and a failure reaches the caller as Hibernate's
 * {@code JDBCException} carrying the SQL state, which {@link SqlStates} reads. Nothing is flushed first: by
 * {@link Store}'s rule no entity stays managed, so there is nothing to flush.
 */
final class Sql {

    /** Reads one row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE and answers how many rows it changed. */
    static int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs one INSERT, UPDATE or DELETE for each row of parameters, sent together: one round trip, and with the
     * driver's {@code reWriteBatchedInserts} an INSERT becomes one multi-row statement for the server.
     *
     * @return how many rows each statement changed (for rewritten INSERTs the driver may only say
     *     {@link java.sql.Statement#SUCCESS_NO_INFO})
     */
    static int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] parameters : rows) {
                    for (int i = 0; i < parameters.length; i++) {
                        bind(statement, i + 1, parameters[i]);
                    }
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    /** {@link #batch} for inserts: a key already taken surfaces as a {@link ConcurrentWriteException}. */
    static void insertAll(String what, String sql, List<Object[]> rows) {
        try {
            batch(sql, rows);
        } catch (PersistenceException e) {
            if (SqlStates.isConcurrencyConflict(e)) {
                throw new ConcurrentWriteException(what + " already exist or were written concurrently", e);
            }
            throw e;
        }
    }

    /**
     * Inserts one row; a row already holding its key (or a write lost to a concurrent transaction) surfaces as a
     * {@link ConcurrentWriteException} naming {@code what}, as {@link Store#insert} does for entities.
     */
    static void insert(String what, String sql, Object... parameters) {
        try {
            update(sql, parameters);
        } catch (PersistenceException e) {
            if (SqlStates.isConcurrencyConflict(e)) {
                throw new ConcurrentWriteException(what + " already exists or was written concurrently", e);
            }
            throw e;
        }
    }

    /**
     * Moves a partner's row of {@code table} (awards, moments: both have {@code id}, {@code partner_id},
     * {@code status}, {@code updated_at}) from {@code expected} to {@code status}: a compare-and-set, so of two
     * concurrent changes from one status only one happens.
     *
     * @return whether the row was in {@code expected} and changed
     */
    static boolean compareAndSetStatus(String table, String id, String partnerId, String expected, String status,
                                       Instant updatedAt) {
        return update("update " + table + " set status = ?, updated_at = ? where id = ? and partner_id = ?"
                + " and status = ?", status, updatedAt, id, partnerId, expected) == 1;
    }

    /**
     * Whether the partner keeps fewer than {@code max} rows in {@code table}, counted under a transaction-level
     * advisory lock of (table, partner), so that concurrent creations against a per-partner limit count one at a time.
     * {@code table} is the caller's constant, never input.
     */
    static boolean fewerThanUnderLock(String table, String partnerId, int max) {
        first("select pg_advisory_xact_lock(hashtext(?)) is null as locked", row -> row.getBoolean("locked"),
                table + "/" + partnerId);
        return first("select count(*) as kept from " + table + " where partner_id = ?", row -> row.getLong("kept"),
                partnerId).orElse(0L) < max;
    }

    /** Runs a query and reads every row. */
    static <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                 ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.read(rows));
                }
                return result;
            }
        });
    }

    /** Runs a query and reads its first row, if any. */
    static <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(row.read(rows)) : Optional.empty();
            }
        });
    }

    /** A {@code timestamptz} column as an instant, or {@code null}. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Runs JDBC work on the transaction's connection, or, outside a transaction (an API key looked up before the
     * request's transaction begins), on a connection borrowed for this statement alone and given back at once. Through
     * the session it would stay with the request until the request ends, while the request's transaction takes a
     * second one: with as many concurrent requests as the pool has connections, every request would hold one and wait
     * for another.
     */
    private static <T> T work(ReturningWork<T> work) {
        if (QuarkusTransaction.isActive()) {
            return Store.em().unwrap(Session.class).doReturningWork(work);
        }
        try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection()) {
            return work.execute(connection);
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof Instant instant) {
            // As ISO-8601 text the server parses: the driver's own binding of a date or time builds a calendar and
            // its formatting helpers again for every statement, a few percent of the service's CPU under load.
            statement.setObject(index, instant.toString(), Types.OTHER);
        } else if (value instanceof LocalDate date) {
            statement.setObject(index, date.toString(), Types.OTHER);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            statement.setObject(index, value);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof String[] texts) {
            statement.setArray(index, statement.getConnection().createArrayOf("text", texts));
        } else {
            throw new IllegalArgumentException("no SQL binding for " + value.getClass().getName());
        }
    }
}
