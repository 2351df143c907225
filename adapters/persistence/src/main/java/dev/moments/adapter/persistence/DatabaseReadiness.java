package dev.moments.adapter.persistence;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the service can serve requests that need the database, answered at once: DOWN while every pooled
 * connection is in use and requests are queueing for one (without joining that queue), DOWN while the database
 * refuses or drops connections, UP otherwise. It replaces Quarkus's own datasource check, which waits in the pool's
 * queue for up to its acquisition timeout and then reports UP once a connection came free.
 */
@Readiness
@Startup
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /** Seconds a pooled connection has to answer the validity probe. */
    static final int PROBE_TIMEOUT_SECONDS = 1;

    private final AgroalDataSource dataSource;

    public DatabaseReadiness(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void countConnections() {
        // Agroal keeps its pool's counts only when asked to; they cost a few counter updates per borrow
        dataSource.getConfiguration().setMetricsEnabled(true);
    }

    @Override
    public HealthCheckResponse call() {
        AgroalDataSourceMetrics pool = dataSource.getMetrics();
        long waiting = pool.awaitingCount();
        long max = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        var answer = HealthCheckResponse.named("database")
                .withData("connectionsInUse", pool.activeCount())
                .withData("connectionsMax", max)
                .withData("requestsWaiting", waiting);
        if (waiting > 0 && pool.availableCount() == 0 && pool.activeCount() >= max) {
            return answer.down().withData("reason", "every connection is in use and requests are waiting").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(PROBE_TIMEOUT_SECONDS)) {
                return answer.down().withData("reason", "the database does not answer").build();
            }
            return answer.up().build();
        } catch (SQLException e) {
            return answer.down().withData("reason", SqlStates.isUnavailable(e) ? "the database cannot be reached"
                    : "the database refused a connection").build();
        }
    }
}
