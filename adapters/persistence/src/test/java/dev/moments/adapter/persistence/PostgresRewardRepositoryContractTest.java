package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.RewardRepositoryContract;
import dev.moments.application.port.out.contract.Ports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The PostgreSQL adapter keeps the {@code RewardRepository} contract. */
@QuarkusTest
class PostgresRewardRepositoryContractTest extends RewardRepositoryContract {

    @Inject
    PostgresPorts postgres;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }
}
