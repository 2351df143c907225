package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.EventLogContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code EventLog} contract. */
@QuarkusTest
class PostgresEventLogContractTest extends EventLogContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
