package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Velocity rules end to end against PostgreSQL: {@code limits.perIp} (awards per client address within a window,
 * counted under a lock per address, the address kept only as a digest of its canonical form) and
 * {@code limits.minAccountAge} (the user attribute {@code createdAt}; unknown is refused), in payments, explanations
 * and previews.
 */
@QuarkusTest
class VelocityTest {

    private static final Map<String, Object> PURCHASE = Map.of("kind", "event", "event", "purchase.completed");

    @Test
    void aHundredConcurrentCompletionsFromOneAddress_withPerIpThree_payExactlyThree() throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(PURCHASE, Map.of("limits",
                Map.of("perIp", Map.of("max", 3, "within", "P1D"))));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String user = "sprayer-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return purchase(acme, user, "203.0.113.7", null).size();
            }));
        }
        start.countDown();
        int paid = 0;
        for (Future<Integer> answer : answers) {
            paid += answer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(paid).isEqualTo(3);
        assertThat(Api.awardsOf(acme::request, moment)).hasSize(3);
        assertThat(purchase(acme, "elsewhere", "198.51.100.9", null)).as("another address").hasSize(1);
        acme.moment(moment).body("budgetState.reserved", equalTo("40.00"))
                .body("limits.perIp.max", equalTo(3)).body("limits.perIp.within", equalTo("P1D"));
        long refused = 0;
        for (int i = 0; i < 100; i++) {
            String last = acme.explain("sprayer-" + i, moment).extract().path("lastRefusal");
            refused += "VELOCITY_IP".equals(last) ? 1 : 0;
        }
        assertThat(refused).isEqualTo(97);
        acme.request().body(Map.of("userId", "next", "context", Map.of("ip", "203.0.113.7")))
                .post("/v1/moments/" + moment + "/awards/preview").then().statusCode(200)
                .body("eligible", equalTo(false)).body("reason", equalTo("VELOCITY_IP"));
    }

    @Test
    void oneAddressIsOneWhateverItsSpelling_andTheWindowSlides() throws Exception {
        Api acme = Api.newPartner();
        acme.launchedMoment(PURCHASE, Map.of("limits", Map.of("perIp", Map.of("max", 1, "within", "PT2S"))));

        assertThat(purchase(acme, "a", "2001:db8::1", null)).hasSize(1);
        assertThat(purchase(acme, "b", "2001:0db8:0:0:0:0:0:1", null)).as("the same address, spelt out").isEmpty();
        assertThat(purchase(acme, "c", null, null)).as("no address: no limit to ask").hasSize(1);
        Thread.sleep(2_100);
        assertThat(purchase(acme, "d", "2001:db8::1", null)).as("the window has passed").hasSize(1);
    }

    @Test
    void anAccountYoungerThanMinAccountAge_orOfUnknownAge_isRefused() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(PURCHASE, Map.of("limits", Map.of("minAccountAge", "P7D")));
        Instant at = Instant.parse("2026-11-20T12:00:00Z");

        assertThat(purchase(acme, "unknown", null, null, at)).isEmpty();
        assertThat(purchase(acme, "new", null, "2026-11-17T12:00:00Z", at)).isEmpty();
        assertThat(purchase(acme, "week-old", null, "2026-11-13T12:00:00Z", at)).as("exactly 7 days").hasSize(1);
        assertThat(purchase(acme, "dated", null, "2026-11-01", at)).as("a date").hasSize(1);
        assertThat(purchase(acme, "garbled", null, "last tuesday", at)).isEmpty();
        assertThat(purchase(acme, "far-future", null, "+1000000000-12-31T23:59:59Z", at))
                .as("the latest instant there is: an unknown age, not a 500").isEmpty();

        acme.explain("unknown", moment).body("lastRefusal", equalTo("ACCOUNT_TOO_NEW"))
                .body("reasons", hasItem("ACCOUNT_TOO_NEW"));
        acme.explain("new", moment).body("lastRefusal", equalTo("ACCOUNT_TOO_NEW"));
        acme.request().body(Map.of("userId", "unknown")).post("/v1/moments/" + moment + "/awards/preview").then()
                .statusCode(200).body("eligible", equalTo(false)).body("reason", equalTo("ACCOUNT_TOO_NEW"));
        acme.request().body(Map.of("userId", "dated")).post("/v1/moments/" + moment + "/awards/preview").then()
                .statusCode(200).body("reason", equalTo("LIMIT_PER_USER"));
    }

    @Test
    void velocityRulesAreCheckedAsTheOtherLimitsAre() {
        Api acme = Api.newPartner();
        refused(acme, Map.of("perIp", Map.of("max", 0, "within", "P1D")), "limits.perIp.max");
        refused(acme, Map.of("perIp", Map.of("within", "P1D")), "limits.perIp.max");
        refused(acme, Map.of("perIp", Map.of("max", 3)), "limits.perIp.within");
        refused(acme, Map.of("perIp", Map.of("max", 3, "within", "PT0S")), "limits.perIp.within");
        refused(acme, Map.of("minAccountAge", "P-1D"), "limits.minAccountAge");
        refused(acme, Map.of("minAccountAge", "P4000D"), "limits.minAccountAge");
    }

    private static void refused(Api partner, Map<String, Object> limits, String field) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Velocity", "trigger", PURCHASE,
                "rewards", List.of(partner.createReward("5.00")),
                "budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "10.00")));
        body.put("limits", limits);
        partner.request().body(body).post("/v1/moments").then().statusCode(422)
                .body("errors[0].field", equalTo(field));
    }

    private static List<Object> purchase(Api partner, String user, String ip, String createdAt) {
        return purchase(partner, user, ip, createdAt, Instant.now());
    }

    /** A purchase of {@code user} from {@code ip} (or none), whose account was created then (or unknown). */
    private static List<Object> purchase(Api partner, String user, String ip, String createdAt, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "purchase.completed", "userId", user,
                "occurredAt", at.toString()));
        if (ip != null) {
            body.put("context", Map.of("ip", ip));
        }
        if (createdAt != null) {
            body.put("user", Map.of("createdAt", createdAt));
        }
        return partner.event(body).extract().jsonPath().getList("awards");
    }
}
