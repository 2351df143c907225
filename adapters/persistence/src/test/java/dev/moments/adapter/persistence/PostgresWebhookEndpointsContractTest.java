package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.WebhookEndpointsContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code WebhookEndpoints} contract. */
@QuarkusTest
class PostgresWebhookEndpointsContractTest extends WebhookEndpointsContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
