package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service (the jar, started twice) against one database: the budget, the daily cap
 * and the per-user limit still hold exactly when the qualifying events of one moment are spread over both. Run by
 * failsafe after {@code package}; each instance logs to {@code target/instance-<name>.log}.
 */
class TwoInstancesIT {

    /** The instances' schema: {@code <it.schema-prefix>_instances} ({@code moments_test_instances} by default). */
    private static final String SCHEMA = System.getProperty("it.schema-prefix", "moments_test") + "_instances";
    private static final int USERS = 200;
    private static final int ROUNDS = 5;

    private static ServiceInstance first;
    private static ServiceInstance second;
    private static ExecutorService pool;

    @BeforeAll
    static void startBoth() throws Exception {
        first = ServiceInstance.start("a", SCHEMA, true, Map.of());   // empties the schema and migrates it
        second = ServiceInstance.start("b", SCHEMA, false, Map.of()); // finds it migrated
        pool = Executors.newFixedThreadPool(32);
    }

    @AfterAll
    static void stopBoth() {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (ServiceInstance instance : new ServiceInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void givenBudgetForFifty_twoHundredUsersSpreadOverBothInstances_exactlyFiftyAreAwarded_everyRound()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Partner partner = Partner.create(first);
            String moment = partner.launchedMoment(first, "500.00", null);

            long awards = everyoneQualifiesAtOnce(partner);

            assertThat(awards).as("round %d", round).isEqualTo(50);
            for (ServiceInstance instance : List.of(first, second)) {
                Response state = partner.request(instance).get("/v1/moments/" + moment);
                assertThat(state.jsonPath().getString("status")).as(instance.name).isEqualTo("EXHAUSTED");
                assertThat(state.jsonPath().getString("budgetState.reserved")).isEqualTo("500.00");
                assertThat(state.jsonPath().getString("budgetState.remaining")).isEqualTo("0.00");
            }
            assertThat(partner.request(second).get("/v1/awards?limit=500&momentId=" + moment)
                    .jsonPath().getList("items")).hasSize(50);
            Ledgers.assertBalanced(() -> partner.request(second), moment);
        }
    }

    @Test
    void givenADailyCapForFifty_twoHundredUsersSpreadOverBothInstances_exactlyFiftyArePaid() throws Exception {
        Partner partner = Partner.create(second);
        String moment = partner.launchedMoment(second, "5000.00", "500.00");

        long awards = everyoneQualifiesAtOnce(partner);

        assertThat(awards).isEqualTo(50);
        Response state = partner.request(first).get("/v1/moments/" + moment);
        assertThat(state.jsonPath().getString("status")).isEqualTo("LIVE");
        assertThat(state.jsonPath().getString("budgetState.spentToday")).isEqualTo("500.00");
        Ledgers.assertBalanced(() -> partner.request(first), moment);
    }

    @Test
    void givenPerUserOne_fiftyEventsOfOneUserSpreadOverBothInstances_payOnce() throws Exception {
        Partner partner = Partner.create(first);
        String moment = partner.launchedMoment(first, "1000.00", null);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ServiceInstance instance = i % 2 == 0 ? first : second;
            calls.add(() -> partner.order(instance, "one-user"));
        }
        long awards = 0;
        for (Future<Response> future : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
            Response response = future.get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            awards += response.jsonPath().getList("awards").size();
        }
        assertThat(awards).isEqualTo(1);
        Ledgers.assertBalanced(() -> partner.request(second), moment);
    }

    /**
     * Both instances relay the outbox (a lease per relay, taken in turns): every domain event of the partner reaches
     * the broker at least once, and one award's events arrive in the order they happened, though its award was earned
     * through one instance and cancelled through the other.
     */
    @Test
    void bothInstancesRelayTheOutbox_everyEventIsPublished_andAnAwardsEventsArriveInTheirOrder() throws Exception {
        try (Broker broker = Broker.connect()) {
            String queue = broker.listenToDomainEvents("#");
            Partner partner = Partner.create(first);
            String moment = partner.launchedMoment(first, "5000.00", null);
            everyoneQualifiesAtOnce(partner);
            List<String> awards = partner.request(second).get("/v1/awards?limit=500&momentId=" + moment)
                    .jsonPath().getList("items.id");
            for (int i = 0; i < awards.size(); i++) {
                partner.request(i % 2 == 0 ? second : first).post("/v1/awards/" + awards.get(i) + "/cancel")
                        .then().statusCode(200);
            }
            Set<String> written = TestDatabase.outboxIds(SCHEMA, partner.id());

            List<Broker.Received> received = new ArrayList<>();
            Eventually.until("every outbox row published", () -> {
                received.addAll(broker.drain(queue));
                return received.stream().map(m -> m.properties().getMessageId()).collect(Collectors.toSet());
            }, ids -> ids.containsAll(written));

            Map<String, List<String>> typesByAward = new HashMap<>();
            for (Broker.Received message : received) {
                JsonNode body = message.json();
                if (partner.id().equals(body.get("partnerId").asText()) && body.get("type").asText()
                        .startsWith("award.")) {
                    typesByAward.computeIfAbsent(body.at("/data/id").asText(), id -> new ArrayList<>())
                            .add(body.get("type").asText());
                }
            }
            assertThat(typesByAward).hasSize(awards.size());
            assertThat(typesByAward.values()).allSatisfy(types -> {
                assertThat(types).contains("award.earned", "award.cancelled");
                assertThat(types.indexOf("award.earned")).as("earned before cancelled: %s", types)
                        .isLessThan(types.indexOf("award.cancelled"));
            });
        }
    }

    /**
     * One qualifying event per user, users alternating between the instances, all at once; the awards answered.
     * Both instances must have paid some of them, or the round did not test two instances.
     */
    private static long everyoneQualifiesAtOnce(Partner partner) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            ServiceInstance instance = i % 2 == 0 ? first : second;
            String user = "u-" + i;
            calls.add(() -> partner.order(instance, user));
        }
        long[] awardsBy = new long[2];
        List<Future<Response>> answers = pool.invokeAll(calls, 5, TimeUnit.MINUTES);
        for (int i = 0; i < answers.size(); i++) {
            Response response = answers.get(i).get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            awardsBy[i % 2] += response.jsonPath().getList("awards").size();
        }
        assertThat(awardsBy[0]).as("awards paid by instance a").isPositive();
        assertThat(awardsBy[1]).as("awards paid by instance b").isPositive();
        return awardsBy[0] + awardsBy[1];
    }

    /** A partner and its API key, usable on either instance. */
    private record Partner(String id, String apiKey) {

        static Partner create(ServiceInstance instance) {
            Map<String, Object> created = given().baseUri(instance.url).auth().oauth2(ServiceInstance.ADMIN_TOKEN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Two-instance shop", "currency", "USD"))
                    .post("/admin/v1/partners").then().statusCode(201).extract().jsonPath().getMap("");
            return new Partner((String) created.get("id"), (String) created.get("apiKey"));
        }

        RequestSpecification request(ServiceInstance instance) {
            return given().baseUri(instance.url).auth().oauth2(apiKey).contentType(ContentType.JSON)
                    .accept(ContentType.JSON);
        }

        String launchedMoment(ServiceInstance instance, String total, String dailyCap) {
            String reward = request(instance).body(Map.of("name", "Store credit", "kind", "CREDIT", "cost", "5.00",
                            "currency", "USD", "fulfillment", Map.of("provider", "sandbox")))
                    .post("/v1/rewards").then().statusCode(201).extract().path("id");
            Map<String, Object> budget = dailyCap == null
                    ? Map.of("currency", "USD", "total", total, "costPerAction", "10.00")
                    : Map.of("currency", "USD", "total", total, "dailyCap", dailyCap, "costPerAction", "10.00");
            String moment = request(instance).body(Map.of("name", "Order at once",
                            "trigger", Map.of("kind", "event", "event", "order.completed"),
                            "budget", budget, "rewards", List.of(reward)))
                    .post("/v1/moments").then().statusCode(201).extract().path("id");
            request(instance).post("/v1/moments/" + moment + "/launch").then().statusCode(200);
            return moment;
        }

        Response order(ServiceInstance instance, String userId) {
            return request(instance).body(Map.of("id", "evt-" + UUID.randomUUID(), "type", "order.completed",
                    "userId", userId)).post("/v1/events");
        }
    }
}
