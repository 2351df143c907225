package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.CodePoolContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code CodePool} contract. */
@QuarkusTest
class PostgresCodePoolContractTest extends CodePoolContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
