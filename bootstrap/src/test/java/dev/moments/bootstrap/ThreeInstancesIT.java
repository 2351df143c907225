package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the packaged service on one database, with Kafka as their broker, under mixed load: events over
 * REST and over Kafka, claims, top-ups, pauses and moment edits, all at once and spread over the three; then every
 * money invariant is checked (reserved + spent within the total, the ledger adding up to the budget, one award per
 * completion, one token and one {@code award.earned} per award, an expiry at most once), and the jobs every instance
 * runs (expiry, the outbox relays, webhook dispatch) did each thing once. A second test launches a moment through
 * one instance and measures when the others count it. Figures are printed; the instances log to
 * {@code target/instance-s<n>.log}.
 */
class ThreeInstancesIT {

    /** The instances' schema: {@code <it.schema-prefix>_scale} ({@code moments_test_scale} by default). */
    private static final String SCHEMA = System.getProperty("it.schema-prefix", "moments_test") + "_scale";
    /** How soon an instance sees a moment changed by another (MOMENTS_MOMENT_INDEX_MAX_AGE of the instances). */
    private static final Duration INDEX_MAX_AGE = Duration.ofSeconds(2);
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final int USERS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<ServiceInstance> INSTANCES = new ArrayList<>();
    private static ExecutorService pool;

    @BeforeAll
    static void startThree() throws Exception {
        Map<String, String> environment = Map.of(
                "MOMENTS_MESSAGING_BROKER", "kafka",
                "KAFKA_BOOTSTRAP_SERVERS", Kafka.bootstrapServers(),
                "MOMENTS_MOMENT_INDEX_MAX_AGE", INDEX_MAX_AGE.toString(),
                "MOMENTS_EXPIRY_INTERVAL", "1s",
                "MOMENTS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        for (int i = 1; i <= 3; i++) {
            INSTANCES.add(ServiceInstance.start("s" + i, SCHEMA, i == 1, environment));
        }
        pool = Executors.newFixedThreadPool(12);
    }

    @AfterAll
    static void stopThree() {
        if (pool != null) {
            pool.shutdownNow();
        }
        INSTANCES.forEach(ServiceInstance::close);
    }

    @Test
    void underMixedLoadOverThreeInstancesEveryMoneyInvariantHolds() throws Exception {
        Partner partner = Partner.create(any());
        String reward = partner.reward(any());
        WebhookReceiver receiver = new WebhookReceiver();
        partner.request(any()).body(Map.of("url", receiver.url("/hook"), "events", List.of("award.earned")))
                .post("/v1/webhooks").then().statusCode(201);
        Map<String, Integer> perUser = new HashMap<>();
        String orders = partner.launched(any(), """
                {"name": "orders", "trigger": {"kind": "event", "event": "order.completed"},
                 "budget": {"currency": "USD", "total": "300.00", "costPerAction": "10.00"},
                 "rewards": ["%s"], "limits": {"perUser": 1, "claimWithin": "PT4S"}}""".formatted(reward));
        perUser.put(orders, 1);
        String levels = partner.launched(any(), """
                {"name": "levels", "trigger": {"kind": "count", "event": "level.completed", "atLeast": 2,
                 "within": "P1D"}, "budget": {"currency": "USD", "total": "200.00", "costPerAction": "8.00",
                 "dailyCap": "150.00"}, "rewards": ["%s"], "limits": {"perUser": 3}}""".formatted(reward));
        perUser.put(levels, 3);
        String opens = partner.launched(any(), """
                {"name": "opens", "trigger": {"kind": "event", "event": "app.opened"},
                 "budget": {"currency": "USD", "total": "100.00", "costPerAction": "6.00"},
                 "rewards": ["%s"], "limits": {"perUser": 2}}""".formatted(reward));
        perUser.put(opens, 2);
        List<String> moments = List.of(orders, levels, opens);
        Load load = new Load();
        long until = System.nanoTime() + LOAD.toNanos();

        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            workers.add(pool.submit(() -> restEvents(partner, load, until)));
        }
        workers.add(pool.submit(() -> kafkaEvents(partner, load, until)));
        workers.add(pool.submit(() -> claims(partner, moments, reward, load, until)));
        workers.add(pool.submit(() -> operator(partner, moments, load, until)));
        for (Future<?> worker : workers) {
            worker.get(3, TimeUnit.MINUTES);
        }
        Eventually.until("every Kafka record consumed and committed", Kafka::uncommittedEvents, behind -> behind == 0);
        for (String moment : moments) {
            partner.request(any()).post("/v1/moments/" + moment + "/resume"); // a pause left by the operator
        }
        Thread.sleep(6_000); // claimWithin (4 s) and an expiry run (every 1 s) on each instance
        System.out.printf("three instances, %d s of mixed load: %s%n", LOAD.toSeconds(), load);

        assertThat(load.unexpected).as("answers that are neither success nor a refusal").isEmpty();
        assertThat(load.restEvents.get()).isPositive();
        assertThat(load.kafkaEvents.get()).isPositive();
        for (String moment : moments) {
            JsonPath state = partner.request(any()).get("/v1/moments/" + moment).then().statusCode(200)
                    .extract().jsonPath();
            BigDecimal total = new BigDecimal(state.getString("budget.total"));
            BigDecimal reserved = new BigDecimal(state.getString("budgetState.reserved"));
            BigDecimal spent = new BigDecimal(state.getString("budgetState.spent"));
            BigDecimal remaining = new BigDecimal(state.getString("budgetState.remaining"));
            assertThat(reserved.add(spent)).as("reserved + spent of %s", moment).isLessThanOrEqualTo(total);
            assertThat(reserved.add(spent).add(remaining)).as("the budget of %s", moment)
                    .isEqualByComparingTo(total);
            for (ServiceInstance instance : INSTANCES) {
                Ledgers.assertBalanced(() -> partner.request(instance), moment);
            }
            assertThat(TestDatabase.number("select coalesce(max(n), 0) from (select count(*) n from " + SCHEMA
                    + ".awards where moment_id = '" + moment + "' group by user_id) per_user"))
                    .as("the most awards of one user on %s", moment).isLessThanOrEqualTo(perUser.get(moment));
        }
        String awards = SCHEMA + ".awards where partner_id = '" + partner.id + "'";
        long awarded = TestDatabase.number("select count(*) from " + awards);
        assertThat(awarded).isPositive();
        assertThat(TestDatabase.number("select count(*) from (select 1 from " + awards
                + " group by moment_id, user_id, completion having count(*) > 1) twice")).as("awards per completion")
                .isZero();
        assertThat(TestDatabase.number("select count(distinct token_digest) from " + awards)).as("tokens")
                .isEqualTo(awarded);
        assertThat(outboxCount("award.earned", partner)).as("award.earned per award").isEqualTo(awarded);
        assertThat(TestDatabase.number("select count(distinct data->>'id') from " + SCHEMA + ".outbox where type"
                + " = 'award.earned' and partner_id = '" + partner.id + "'")).isEqualTo(awarded);
        long expired = TestDatabase.number("select count(*) from " + awards + " and status = 'EXPIRED'");
        assertThat(outboxCount("award.expired", partner)).as("award.expired once per expired award")
                .isEqualTo(expired);
        assertThat(expired).as("unclaimed orders awards expired by the instances' jobs").isPositive();
        Set<String> announced = Eventually.until("every award.earned on moments.domain-events",
                () -> Kafka.readAll(Kafka.DOMAIN_EVENTS).stream()
                        .filter(record -> partner.id.equals(record.key()))
                        .filter(record -> "award.earned".equals(record.headers().get("type")))
                        .map(record -> read(record.value()).path("data").path("id").asText())
                        .collect(Collectors.toSet()),
                ids -> ids.size() >= awarded);
        assertThat(announced).hasSize((int) awarded);
        List<WebhookReceiver.Request> delivered = Eventually.until("a webhook delivery of every award.earned",
                () -> receiver.received("/hook"), requests -> requests.size() >= awarded);
        receiver.close();
        assertThat(delivered).extracting(WebhookReceiver.Request::id).as("each event delivered by one instance once")
                .doesNotHaveDuplicates().hasSize((int) awarded);
        System.out.printf("awards %d (expired %d); Kafka partitions by consumer: %s%n", awarded, expired,
                Kafka.assignment());
        assertThat(Kafka.assignment()).as("the instances share the partitions of moments.events").hasSize(3)
                .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty());
    }

    /**
     * Each instance keeps an index of the live moments by event type, refreshed from the database within
     * {@link #INDEX_MAX_AGE}: a moment launched through one instance counts on the others within that bound. A pause
     * counts everywhere at once, as a moment's status is read again before anything is paid.
     */
    @Test
    void aLaunchThroughOneInstanceCountsOnTheOthersWithinTheBound_andAPauseAtOnce() throws Exception {
        Partner partner = Partner.create(any());
        String reward = partner.reward(any());
        String orders = partner.launched(INSTANCES.get(0), momentOf("order.completed", reward));
        for (ServiceInstance instance : INSTANCES) {
            Eventually.until(instance.name + " counts the first moment",
                    () -> partner.wouldAward(instance, "order.completed", orders), would -> would);
        }

        long launchedAt = System.nanoTime();
        String levels = partner.launched(INSTANCES.get(0), momentOf("level.completed", reward));
        Map<String, Long> countedAfterMillis = new HashMap<>();
        for (ServiceInstance instance : INSTANCES) {
            while (!partner.wouldAward(instance, "level.completed", levels)) {
                assertThat(Duration.ofNanos(System.nanoTime() - launchedAt))
                        .as("%s still ignores the new moment after the bound", instance.name)
                        .isLessThan(INDEX_MAX_AGE.plusSeconds(2)); // the bound, and time for the probes
                Thread.sleep(50);
            }
            countedAfterMillis.put(instance.name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAt));
        }
        partner.request(INSTANCES.get(0)).post("/v1/moments/" + orders + "/pause").then().statusCode(200);
        for (ServiceInstance instance : INSTANCES) {
            assertThat(partner.wouldAward(instance, "order.completed", orders))
                    .as("%s awards on a paused moment", instance.name).isFalse();
        }
        System.out.printf("a moment launched through s1 counted after (ms, bound %d ms): %s%n",
                INDEX_MAX_AGE.toMillis(), new TreeMap<>(countedAfterMillis));
    }

    private static String momentOf(String eventType, String reward) {
        return """
                {"name": "%s", "trigger": {"kind": "event", "event": "%s"},
                 "budget": {"currency": "USD", "total": "100.00", "costPerAction": "10.00"},
                 "rewards": ["%s"]}""".formatted(eventType, eventType, reward);
    }

    // --- the load ---

    /** What the load did, and every answer that was neither a success nor an expected refusal. */
    private static final class Load {
        final AtomicLong restEvents = new AtomicLong();
        final AtomicLong kafkaEvents = new AtomicLong();
        final AtomicLong claims = new AtomicLong();
        final AtomicLong topUps = new AtomicLong();
        final AtomicLong pauses = new AtomicLong();
        final AtomicLong edits = new AtomicLong();
        final AtomicLong busy = new AtomicLong();
        final Map<String, String> unexpected = new ConcurrentHashMap<>();

        void check(Response response, String what, int... expected) {
            int status = response.statusCode();
            if (status == 503) {
                busy.incrementAndGet();
                return;
            }
            for (int ok : expected) {
                if (status == ok) {
                    return;
                }
            }
            unexpected.putIfAbsent(what + " " + status, response.asString());
        }

        @Override
        public String toString() {
            return "events over REST " + restEvents + ", over Kafka " + kafkaEvents + ", claims " + claims
                    + ", top-ups " + topUps + ", pauses " + pauses + ", edits " + edits + ", 503s " + busy;
        }
    }

    private static final String[] TYPES = {"order.completed", "level.completed", "app.opened"};

    private static void restEvents(Partner partner, Load load, long until) {
        while (System.nanoTime() < until) {
            String body = partner.event(randomUser(), TYPES[ThreadLocalRandom.current().nextInt(TYPES.length)]);
            for (int attempt = 0; attempt < 20; attempt++) {
                Response response = partner.request(any()).body(body).post("/v1/events");
                load.check(response, "event", 200);
                if (response.statusCode() != 503) {
                    break;
                }
            }
            load.restEvents.incrementAndGet();
        }
    }

    private static void kafkaEvents(Partner partner, Load load, long until) {
        while (System.nanoTime() < until) {
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String user = randomUser();
                records.add(Map.entry(partner.id + ":" + user,
                        partner.event(user, TYPES[ThreadLocalRandom.current().nextInt(TYPES.length)])));
            }
            Kafka.publish(records);
            load.kafkaEvents.addAndGet(records.size());
            pause(200); // about 250 events a second: the instances keep up, so the test ends soon after the load
        }
    }

    /** Claims earned awards, through any instance: a claim may find its award claimed or expired meanwhile. */
    private static void claims(Partner partner, List<String> moments, String reward, Load load, long until) {
        while (System.nanoTime() < until) {
            String moment = moments.get(ThreadLocalRandom.current().nextInt(moments.size()));
            List<String> urls = partner.request(any()).get("/v1/awards?status=EARNED&limit=20&momentId=" + moment)
                    .then().statusCode(200).extract().jsonPath().getList("items.redeemUrl");
            for (String url : urls) {
                String token = url.substring(url.lastIndexOf('/') + 1);
                Response claimed = given().baseUri(any().url).contentType(ContentType.JSON)
                        .body(Map.of("rewardId", reward)).post("/api/redeem/" + token + "/claim");
                load.check(claimed, "claim", 200, 409, 410);
                load.claims.incrementAndGet();
            }
            pause(100);
        }
    }

    /** Tops budgets up, and pauses a moment, edits its price and resumes it, each through any instance. */
    private static void operator(Partner partner, List<String> moments, Load load, long until) {
        int round = 0;
        while (System.nanoTime() < until) {
            String moment = moments.get(round++ % moments.size());
            Response topUp = partner.request(any()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("amount", "20.00")).post("/v1/moments/" + moment + "/budget/top-up");
            load.check(topUp, "top-up", 200);
            load.topUps.incrementAndGet();
            Response paused = partner.request(any()).post("/v1/moments/" + moment + "/pause");
            load.check(paused, "pause", 200, 409);
            if (paused.statusCode() == 200) {
                load.pauses.incrementAndGet();
                String price = round % 2 == 0 ? "6.00" : "7.00";
                Response edited = partner.request(any()).contentType("application/merge-patch+json")
                        .body(Map.of("budget", Map.of("costPerAction", price))).patch("/v1/moments/" + moment);
                load.check(edited, "edit", 200, 409);
                load.edits.incrementAndGet();
                pause(300);
                load.check(partner.request(any()).post("/v1/moments/" + moment + "/resume"), "resume", 200, 409);
            }
            pause(700);
        }
    }

    private static String randomUser() {
        return "u-" + ThreadLocalRandom.current().nextInt(USERS);
    }

    private static ServiceInstance any() {
        return INSTANCES.get(ThreadLocalRandom.current().nextInt(INSTANCES.size()));
    }

    private static long outboxCount(String type, Partner partner) {
        return TestDatabase.number("select count(*) from " + SCHEMA + ".outbox where type = '" + type
                + "' and partner_id = '" + partner.id + "'");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A partner and its API key, usable on every instance. */
    private record Partner(String id, String apiKey) {

        static Partner create(ServiceInstance instance) {
            Map<String, Object> created = given().baseUri(instance.url).auth().oauth2(ServiceInstance.ADMIN_TOKEN)
                    .contentType(ContentType.JSON).body(Map.of("name", "Three-instance shop", "currency", "USD"))
                    .post("/admin/v1/partners").then().statusCode(201).extract().jsonPath().getMap("");
            return new Partner((String) created.get("id"), (String) created.get("apiKey"));
        }

        RequestSpecification request(ServiceInstance instance) {
            return given().baseUri(instance.url).auth().oauth2(apiKey).contentType(ContentType.JSON)
                    .accept(ContentType.JSON);
        }

        String reward(ServiceInstance instance) {
            return request(instance).body(Map.of("name", "Store credit", "kind", "CREDIT", "cost", "5.00",
                            "currency", "USD", "fulfillment", Map.of("provider", "sandbox")))
                    .post("/v1/rewards").then().statusCode(201).extract().path("id");
        }

        String launched(ServiceInstance instance, String body) {
            String moment = request(instance).body(body).post("/v1/moments").then().statusCode(201).extract()
                    .path("id");
            request(instance).post("/v1/moments/" + moment + "/launch").then().statusCode(200);
            return moment;
        }

        /** An event of the REST and Kafka bodies ({@code partnerId} is ignored over REST). */
        String event(String user, String type) {
            return """
                    {"partnerId": "%s", "id": "%s", "type": "%s", "userId": "%s"}""".formatted(id,
                    "e-" + UUID.randomUUID(), type, user);
        }

        /** Whether an event of this type of a new user would earn on {@code moment} through {@code instance}. */
        boolean wouldAward(ServiceInstance instance, String type, String moment) {
            List<String> earned = request(instance).body(event("probe-" + UUID.randomUUID(), type))
                    .post("/v1/events?dryRun=true").then().statusCode(200).extract().jsonPath()
                    .getList("awards.momentId");
            return earned.contains(moment);
        }
    }
}
