package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.PartnerRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code PartnerRepository} contract. */
@QuarkusTest
class PostgresPartnerRepositoryContractTest extends PartnerRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
