package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service keeps its tables in the schema it is given ({@code moments.schema}), with a database URL that names
 * none: a newcomer's {@code jdbc:postgresql://host:5432/mydb} works. The tests' URL names no schema either, so every
 * end-to-end test runs this way; here the pieces are checked one by one.
 */
@QuarkusTest
class SchemaSettingTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "moments.schema")
    String schema;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.flyway.schemas")
    String flywaySchemas;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String hibernateSchema;

    @Test
    void theDatabaseUrlNamesNoSchema_soTheSchemaComesFromTheSettingAlone() {
        assertThat(url).startsWith("jdbc:postgresql://").doesNotContainIgnoringCase("currentSchema")
                .doesNotContainIgnoringCase("search_path");
        assertThat(schema).isNotBlank().isNotEqualTo("public");
    }

    @Test
    void flywayMigratesTheSchemaAndHibernateQualifiesItsTablesWithIt() throws SQLException {
        assertThat(flywaySchemas).isEqualTo(schema);
        assertThat(hibernateSchema).isEqualTo(schema);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement history = connection.prepareStatement("select count(*) from information_schema.tables"
                     + " where table_schema = ? and table_name in ('flyway_schema_history', 'partners', 'awards')")) {
            history.setString(1, schema);
            assertThat(single(history)).isEqualTo("3");
        }
    }

    @Test
    void everyPooledConnectionSearchesTheSchema() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {   // held at once: four different connections of the pool
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                try (PreparedStatement current = connection.prepareStatement("select current_schema()")) {
                    assertThat(single(current)).isEqualTo(schema);
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aPartnerCreatedThroughTheApiIsARowOfTheSchema() throws SQLException {
        Api acme = Api.newPartner();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement row = connection.prepareStatement(
                     "select count(*) from " + schema + ".partners where id = ?")) {
            row.setString(1, acme.partnerId);
            assertThat(single(row)).isEqualTo("1");
        }
    }

    private static String single(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
