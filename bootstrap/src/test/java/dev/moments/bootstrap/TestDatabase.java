package dev.moments.bootstrap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the local PostgreSQL directly, for the tests that check what a packaged service wrote. */
final class TestDatabase {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private TestDatabase() {
    }

    /** Reads a query's rows. */
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    static <T> T query(String sql, Rows<T> read) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return read.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    static int update(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            return connection.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query answers. */
    static long number(String sql) {
        return query(sql, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /**
     * The single number a query of one parameter answers, through the datasource of the service under test (a
     * {@code @QuarkusTest}'s), in its schema.
     */
    static long count(String sql, String parameter) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the partner's outbox rows in {@code schema}. */
    static Set<String> outboxIds(String schema, String partnerId) {
        return query("select id from " + schema + ".outbox where partner_id = '" + partnerId + "'", rows -> {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        });
    }

    /**
     * Inserts the row of the partner's event in a transaction of the test's own, left open, in the schema of the
     * service under test (a {@code @QuarkusTest}'s): recording that event waits for the row until the test rolls it
     * back (and then records it) or commits it. The caller closes the connection.
     */
    static Connection holdTheEventsRow(String partnerId, String eventId) throws SQLException {
        Config config = ConfigProvider.getConfig();
        Connection holder = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), "");
        holder.setSchema(config.getValue("moments.schema", String.class));
        holder.setAutoCommit(false);
        try (PreparedStatement insert = holder.prepareStatement("insert into events (partner_id, event_id,"
                + " fingerprint, type, user_id, occurred_at, received_at) values (?, ?, 'held', 'order.completed',"
                + " 'u-1', now(), now())")) {
            insert.setString(1, partnerId);
            insert.setString(2, eventId);
            insert.executeUpdate();
        }
        return holder;
    }

    /** How many statements wait for a lock while inserting an event: recording an event whose row is held. */
    static long insertsWaitingForALock() {
        return number("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like 'insert into events %'");
    }
}
