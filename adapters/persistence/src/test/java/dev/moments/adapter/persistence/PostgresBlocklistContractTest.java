package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.BlocklistContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code Blocklist} contract. */
@QuarkusTest
class PostgresBlocklistContractTest extends BlocklistContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
