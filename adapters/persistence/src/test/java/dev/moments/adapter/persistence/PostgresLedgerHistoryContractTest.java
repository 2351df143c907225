package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.LedgerHistoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code LedgerHistory} contract. */
@QuarkusTest
class PostgresLedgerHistoryContractTest extends LedgerHistoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
