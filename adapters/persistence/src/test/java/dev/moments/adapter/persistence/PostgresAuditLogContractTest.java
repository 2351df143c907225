package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.AuditLogContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code AuditLog} contract. */
@QuarkusTest
class PostgresAuditLogContractTest extends AuditLogContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
