package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.PointStoreContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code PointStore} contract. */
@QuarkusTest
class PostgresPointStoreContractTest extends PointStoreContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
