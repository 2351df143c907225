package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.WebhookDeliveriesContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code WebhookDeliveries} contract. */
@QuarkusTest
class PostgresWebhookDeliveriesContractTest extends WebhookDeliveriesContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
