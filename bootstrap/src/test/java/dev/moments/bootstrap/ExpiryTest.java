package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.moments.application.port.in.ExpireAwardsUseCase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expiry of unclaimed awards, against PostgreSQL: what is due is released, and one bad award holds back nothing. */
@QuarkusTest
class ExpiryTest {

    @Inject
    ExpireAwardsUseCase expiry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAwardThatCannotBeExpiredStaysBehindAloneAndTheOthersAreReleased() throws Exception {
        Api acme = Api.newPartner();
        String credit = Claims.reward(acme, "CREDIT", "4.00", "sandbox", List.of());
        String healthy = Claims.moment(acme, "100.00", Map.of("claimWithin", "PT1S"), credit);
        String broken = Claims.moment(acme, "100.00", Map.of("claimWithin", "PT1S"), credit);
        Claims.Award first = Claims.award(acme, healthy, "u-1");
        Claims.Award second = Claims.award(acme, healthy, "u-2");
        Claims.Award poisoned = Claims.award(acme, broken, "u-3");
        // a reservation larger than its budget holds: releasing it fails in the database, as corrupt data would
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update awards set reserved = 50 where id = ?")) {
            update.setString(1, poisoned.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Thread.sleep(1_200); // past claimWithin

        ExpireAwardsUseCase.Expiry result = expiry.expireDue(500);

        assertThat(result.expired()).isGreaterThanOrEqualTo(2);
        assertThat(result.failures()).anySatisfy(failure -> assertThat(failure).startsWith(poisoned.id()));
        for (Claims.Award released : List.of(first, second)) {
            acme.request().get("/v1/awards/" + released.id()).then().statusCode(200).body("status", equalTo("EXPIRED"));
        }
        acme.request().get("/v1/awards/" + poisoned.id()).then().statusCode(200).body("status", equalTo("EARNED"));
        acme.request().get("/v1/moments/" + healthy).then().statusCode(200)
                .body("budgetState.reserved", equalTo("0.00"))
                .body("budgetState.remaining", equalTo("100.00"));
        Ledgers.assertBalanced(acme, healthy);

        // the next run meets the same award again, and still nothing else is held back
        ExpireAwardsUseCase.Expiry again = expiry.expireDue(500);
        assertThat(again.failures()).anySatisfy(failure -> assertThat(failure).startsWith(poisoned.id()));
    }
}
