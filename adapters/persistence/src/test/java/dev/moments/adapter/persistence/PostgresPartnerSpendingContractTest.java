package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.PartnerSpendingContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code PartnerSpending} contract. */
@QuarkusTest
class PostgresPartnerSpendingContractTest extends PartnerSpendingContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
