package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.bootstrap.Broker.Received;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service and the real RabbitMQ when things go wrong: the consumer stopped mid-way, the service killed
 * between a commit and its acknowledgement, the outbox relay killed mid-batch, the broker down at start. Each
 * instance logs to {@code target/messaging-<name>.log}.
 */
class MessagingIT {

    /** The instances' schema: {@code <it.schema-prefix>_messaging} ({@code moments_test_messaging} by default). */
    private static final String SCHEMA = System.getProperty("it.schema-prefix", "moments_test") + "_messaging";
    private static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final String TOKEN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Instance> started = new ArrayList<>();
    private Broker broker;
    private boolean schemaEmptied;

    @BeforeEach
    void purgeQueues() {
        broker = Broker.connect();
        broker.purge(Broker.EVENTS_QUEUE);
        broker.purge(Broker.DEAD_LETTERS);
    }

    @AfterEach
    void stopAll() {
        started.forEach(Instance::close);
        broker.close();
    }

    @Test
    void theConsumerStoppedAndRestartedMidWay_losesNothingAndDoublesNothing() throws Exception {
        // one thread, so that it is stopped long before it could have recorded everything
        Instance first = start("consumer-1", Map.of("MOMENTS_MESSAGING_CONCURRENCY", "1"));
        Partner partner = Partner.create(first);
        String moment = partner.levelMoment(first);
        List<String> messages = new ArrayList<>();
        for (int user = 0; user < 1000; user++) {
            messages.add(partner.levelEvent("evt-" + user, "u-" + user));
        }
        broker.publish(messages);
        Eventually.until("a first part recorded", () -> partner.awards(first, moment).size(), n -> n >= 200);

        first.close();
        long recordedBeforeTheStop = awardsIn(moment);
        assertThat(recordedBeforeTheStop).as("stopped mid-way").isLessThan(1000);
        Instance second = start("consumer-2", Map.of());

        Eventually.until("all 1000 recorded", () -> partner.awards(second, moment).size(), n -> n >= 1000);
        Eventually.until("the queue drained", () -> broker.ready(Broker.EVENTS_QUEUE), ready -> ready == 0);
        List<JsonNode> awards = partner.awards(second, moment);
        assertThat(awards).hasSize(1000);
        assertThat(awards.stream().map(a -> a.get("userId").asText()).distinct()).hasSize(1000);
        assertThat(partner.request(second).get("/v1/moments/" + moment).jsonPath().getString("budgetState.reserved"))
                .isEqualTo("5000.00");
        assertThat(broker.drain(Broker.DEAD_LETTERS)).isEmpty();
        System.out.printf("consumer stopped after %d of 1000 events; all 1000 awarded once after the restart%n",
                recordedBeforeTheStop);
    }

    @Test
    void theServiceKilledBetweenCommitAndAck_takesTheRedeliveredMessageAsADuplicate_notASecondAward()
            throws Exception {
        Instance doomed = start("kill-1", Map.of("MOMENTS_MESSAGING_FAIL_POINT_HALT_AFTER_COMMIT_OF", "evt-victim"));
        Partner partner = Partner.create(doomed);
        String moment = partner.levelMoment(doomed);

        broker.publish(partner.levelEvent("evt-victim", "u-victim"));
        assertThat(doomed.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("halted").isTrue();
        assertThat(doomed.process.exitValue()).isEqualTo(137);
        // committed, never acknowledged: the broker puts it back once it sees the connection gone
        Eventually.until("the message back on the queue", () -> broker.ready(Broker.EVENTS_QUEUE), n -> n == 1);

        Instance restarted = start("kill-2", Map.of());
        Eventually.until("the queue drained", () -> broker.ready(Broker.EVENTS_QUEUE), ready -> ready == 0);
        Eventually.until("the redelivery acknowledged", () -> broker.unacknowledged(Broker.EVENTS_QUEUE),
                n -> n == 0);
        List<JsonNode> awards = partner.awards(restarted, moment);
        assertThat(awards).extracting(a -> a.get("userId").asText()).containsExactly("u-victim");
        assertThat(broker.drain(Broker.DEAD_LETTERS)).isEmpty();
        // the same event sent again over REST is answered as the duplicate the redelivery was
        assertThat(partner.request(restarted).body(partner.levelEvent("evt-victim", "u-victim")).post("/v1/events")
                .jsonPath().getBoolean("duplicate")).isTrue();
    }

    @Test
    void theRelayKilledMidBatch_publishesEveryOutboxRowAtLeastOnce_skippingNone() throws Exception {
        try (TcpProxy brokerLink = new TcpProxy(PackagedJar.freePort(), 5672)) {
            // the broker out of reach while the outbox fills: 3,000 award.earned wait
            // small batches, so that it is killed long before it could have relayed everything
            Instance filling = start("relay-1", Map.of("RABBITMQ_PORT", Integer.toString(brokerLink.port()),
                    "MOMENTS_OUTBOX_RELAY_BATCH", "20"));
            Partner partner = Partner.create(filling);
            String moment = partner.levelMoment(filling);
            for (int batch = 0; batch < 3; batch++) {
                List<Map<String, Object>> events = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    String user = "u-" + batch + "-" + i;
                    events.add(Map.of("id", "evt-" + user, "type", "level.completed", "userId", user,
                            "properties", Map.of("level", 10)));
                }
                partner.request(filling).body(Map.of("events", events)).post("/v1/events/batch").then()
                        .statusCode(200);
            }
            Set<String> written = TestDatabase.outboxIds(SCHEMA, partner.id);
            assertThat(written).hasSizeGreaterThanOrEqualTo(3000);
            String listening = broker.listenToDomainEvents("#");

            brokerLink.open();
            List<String> received = new ArrayList<>();
            Eventually.until("a part relayed", () -> {
                received.addAll(ids(broker.drain(listening), partner.id));
                return received.size();
            }, n -> n >= 300);
            filling.kill();
            int beforeTheKill = received.size();
            received.addAll(ids(broker.drain(listening), partner.id));
            assertThat(received.size()).as("killed mid-way").isLessThan(written.size());

            start("relay-2", Map.of());
            Eventually.until("every row relayed", () -> {
                received.addAll(ids(broker.drain(listening), partner.id));
                return new HashSet<>(received);
            }, seen -> seen.containsAll(written));
            Eventually.until("every row marked", () -> unpublished(), n -> n == 0);
            System.out.printf("relay killed after %d of %d events; %d published in all (%d twice)%n", beforeTheKill,
                    written.size(), received.size(), received.size() - new HashSet<>(received).size());
        }
    }

    @Test
    void theBrokerDownAtStart_leavesRestWorkingAndReadinessDown_andMessagesFlowOnceItIsUp_withoutARestart()
            throws Exception {
        try (TcpProxy brokerLink = new TcpProxy(PackagedJar.freePort(), 5672)) {
            Instance instance = start("down-1", Map.of("RABBITMQ_PORT", Integer.toString(brokerLink.port())));
            HttpResponse<String> ready = health(instance);
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode checks = JSON.readTree(ready.body()).get("checks");
            assertThat(checks.findValues("data")).as(ready.body())
                    .anySatisfy(data -> assertThat(data.path("events").asText()).isEqualTo("DOWN"));

            Partner partner = Partner.create(instance);
            String moment = partner.levelMoment(instance);
            broker.publish(partner.levelEvent("evt-while-down", "u-1"));
            assertThat(partner.awards(instance, moment)).isEmpty();

            brokerLink.open();
            Eventually.until("the award of the queued event", () -> partner.awards(instance, moment).size(),
                    n -> n == 1);
            Eventually.until("ready", () -> health(instance).statusCode(), status -> status == 200);
        }
    }

    private Instance start(String name, Map<String, String> settings) throws Exception {
        int port = PackagedJar.freePort();
        String url = "http://127.0.0.1:" + port;
        Path log = Path.of("target", "messaging-" + name + ".log");
        ProcessBuilder builder = PackagedJar.instance("512m", log, port, SCHEMA, !schemaEmptied, ADMIN_TOKEN,
                TOKEN_KEY);
        Map<String, String> env = builder.environment();
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_RABBITMQ_RECONNECT_INTERVAL", "1");
        env.putAll(settings);
        schemaEmptied = true;
        Instance instance = new Instance(url, builder.start());
        started.add(instance);
        PackagedJar.awaitLive(instance.process, url, log, "instance " + name);
        return instance;
    }

    private static HttpResponse<String> health(Instance instance) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(instance.url
                    + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long awardsIn(String moment) {
        return TestDatabase.number("select count(*) from " + SCHEMA + ".awards where moment_id = '" + moment + "'");
    }

    private static long unpublished() {
        return TestDatabase.number("select count(*) from " + SCHEMA + ".outbox where published_at is null");
    }

    /** The event ids of the partner's domain events among the received messages. */
    private static List<String> ids(List<Received> received, String partnerId) {
        return received.stream().filter(message -> partnerId.equals(message.json().get("partnerId").asText()))
                .map(message -> message.properties().getMessageId()).toList();
    }

    /** A partner of the instances' database and its API key. */
    private record Partner(String id, String apiKey) {

        static Partner create(Instance instance) {
            Map<String, Object> created = given().baseUri(instance.url).auth().oauth2(ADMIN_TOKEN)
                    .contentType(ContentType.JSON).body(Map.of("name", "Messaging shop", "currency", "USD"))
                    .post("/admin/v1/partners").then().statusCode(201).extract().jsonPath().getMap("");
            return new Partner((String) created.get("id"), (String) created.get("apiKey"));
        }

        RequestSpecification request(Instance instance) {
            return given().baseUri(instance.url).auth().oauth2(apiKey).contentType(ContentType.JSON)
                    .accept(ContentType.JSON);
        }

        /** "Reach level 10": 5.00 per completion, room for 10,000. */
        String levelMoment(Instance instance) {
            String reward = request(instance).body(Map.of("name", "Store credit", "kind", "CREDIT", "cost", "5.00",
                            "currency", "USD", "fulfillment", Map.of("provider", "sandbox")))
                    .post("/v1/rewards").then().statusCode(201).extract().path("id");
            String moment = request(instance).body(Map.of("name", "Level 10",
                            "trigger", Map.of("kind", "event", "event", "level.completed", "where",
                                    "event.level >= 10"),
                            "budget", Map.of("currency", "USD", "total", "50000.00", "costPerAction", "5.00"),
                            "rewards", List.of(reward)))
                    .post("/v1/moments").then().statusCode(201).extract().path("id");
            request(instance).post("/v1/moments/" + moment + "/launch").then().statusCode(200);
            return moment;
        }

        String levelEvent(String id, String user) {
            Map<String, Object> event = new HashMap<>(Map.of("partnerId", this.id, "id", id, "type",
                    "level.completed", "userId", user, "properties", Map.of("level", 10)));
            try {
                return JSON.writeValueAsString(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<JsonNode> awards(Instance instance, String moment) {
            return Api.awardsOf(() -> request(instance), moment);
        }
    }

    /** One running copy of the packaged service. */
    private static final class Instance implements AutoCloseable {

        final String url;
        final Process process;

        Instance(String url, Process process) {
            this.url = url;
            this.process = process;
        }

        /** kill -9. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        @Override
        public void close() {
            PackagedJar.stop(process);
        }
    }
}
