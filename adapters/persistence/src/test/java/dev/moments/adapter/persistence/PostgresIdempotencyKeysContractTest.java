package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.IdempotencyKeysContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code IdempotencyKeys} contract. */
@QuarkusTest
class PostgresIdempotencyKeysContractTest extends IdempotencyKeysContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
