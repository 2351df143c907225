package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.BudgetLedgerContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code BudgetLedger} contract. */
@QuarkusTest
class PostgresBudgetLedgerContractTest extends BudgetLedgerContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
