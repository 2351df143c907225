package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.UserProfileRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code UserProfileRepository} contract. */
@QuarkusTest
class PostgresUserProfileRepositoryContractTest extends UserProfileRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
