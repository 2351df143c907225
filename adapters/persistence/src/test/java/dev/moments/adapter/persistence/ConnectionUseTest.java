package dev.moments.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.partner.ApiKeyDigest;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How many connections a request holds. A request reads the caller's API key outside any transaction and then runs
 * its transaction: the read must not keep a connection for the rest of the request, or as many concurrent requests as
 * the pool has connections would each hold one and wait for a second one until the pool gives up.
 */
@QuarkusTest
class ConnectionUseTest {

    /** More than {@code quarkus.datasource.jdbc.max-size} (30 in these tests). */
    private static final int REQUESTS = 40;

    @Inject
    PostgresPartnerRepository partners;

    @Test
    void aReadOutsideATransactionGivesItsConnectionBack_soConcurrentRequestsNeverStarveThePool() throws Exception {
        CyclicBarrier allHaveRead = new CyclicBarrier(REQUESTS);
        ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String key = "no-such-key-" + i;
                answers.add(requests.submit(() -> {
                    ManagedContext request = Arc.container().requestContext();
                    request.activate();
                    try {
                        partners.findKeyByDigest(ApiKeyDigest.of(key));      // outside a transaction
                        allHaveRead.await(30, TimeUnit.SECONDS);             // every request has read
                        return QuarkusTransaction.requiringNew().call(() ->  // then each needs its transaction
                                Sql.first("select 1", row -> row.getInt(1)).orElseThrow());
                    } finally {
                        request.terminate();
                    }
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            requests.shutdownNow();
        }
    }
}
