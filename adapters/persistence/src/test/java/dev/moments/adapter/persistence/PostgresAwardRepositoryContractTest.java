package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.AwardRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code AwardRepository} contract. */
@QuarkusTest
class PostgresAwardRepositoryContractTest extends AwardRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
