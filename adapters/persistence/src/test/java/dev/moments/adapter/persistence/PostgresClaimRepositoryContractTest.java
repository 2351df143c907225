package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.ClaimRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code ClaimRepository} contract. */
@QuarkusTest
class PostgresClaimRepositoryContractTest extends ClaimRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
