package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.DomainEventOutboxContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code DomainEventOutbox} contract. */
@QuarkusTest
class PostgresDomainEventOutboxContractTest extends DomainEventOutboxContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
