package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.ProgressRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code ProgressRepository} contract. */
@QuarkusTest
class PostgresProgressRepositoryContractTest extends ProgressRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
