package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.MomentRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code MomentRepository} contract. */
@QuarkusTest
class PostgresMomentRepositoryContractTest extends MomentRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
