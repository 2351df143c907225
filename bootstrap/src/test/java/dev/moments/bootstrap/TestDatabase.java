package dev.moments.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

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

    /** The single number a query answers. */
    static long number(String sql) {
        return query(sql, rows -> {
            rows.next();
            return rows.getLong(1);
        });
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
}
