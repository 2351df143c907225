package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.bootstrap.Broker.Received;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Internal systems over RabbitMQ (docs/messaging.md), against the real broker and database: events published to
 * {@code moments.events} are recorded as {@code POST /v1/events} records them, what can never succeed lands in
 * {@code moments.events.dlq} with its reason, and domain events come out on {@code moments.domain-events}.
 */
@QuarkusTest
class MessagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Broker broker;

    @BeforeEach
    void connect() {
        broker = Broker.connect();
        broker.purge(Broker.DEAD_LETTERS);
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void readinessWatchesRabbitMqsChannelsOnly() {
        JsonNode check = BrokerHealth.up();

        assertThat(check.path("data").path("name").asText()).isEqualTo("rabbitmq");
        assertThat(check.path("data").has("events")).isTrue();
        assertThat(check.path("data").has("kafka-events")).as("Kafka's channel, not connected to").isFalse();
    }

    @Test
    void aThousandEventsWithTenPercentDuplicatesAndFivePoisonMessages_giveExactlyTheAwardsDueAndFiveDeadLetters() {
        Api acme = Api.newPartner();
        String moment = levelMoment(acme);
        List<String> messages = new ArrayList<>();
        List<Map<String, Object>> originals = new ArrayList<>();
        for (int user = 0; user < 900; user++) {
            originals.add(level(acme, "evt-" + user, "u-" + user, 10));
        }
        originals.subList(0, 400).forEach(event -> messages.add(json(event)));       // 400 single messages
        for (int from = 400; from < 900; from += 100) {                               // 5 batches of 100
            messages.add(batch(acme.partnerId, originals.subList(from, from + 100)));
        }
        originals.subList(0, 50).forEach(event -> messages.add(json(event)));        // 50 single duplicates
        messages.add(batch(acme.partnerId, originals.subList(450, 500)));            // 50 duplicates in a batch
        List<String> poison = List.of(
                "this is not JSON",
                json(level(new PartnerOnly("ptn_nobody"), "evt-x1", "u-x", 10)),
                "{\"partnerId\": \"" + acme.partnerId + "\", \"id\": \"evt-x2\", \"type\": \"level.completed\"}",
                "{\"partnerId\": \"" + acme.partnerId + "\", \"id\": \"evt-x3\", \"type\": \"level.completed\","
                        + " \"userId\": \"u-x\", \"occurredAt\": \"yesterday\"}",
                "{\"partnerId\": \"" + acme.partnerId + "\", \"events\": {\"id\": \"evt-x4\"}}");
        messages.addAll(poison);
        Collections.shuffle(messages, new Random(42));

        broker.publish(messages);

        List<Received> deadLetters = new ArrayList<>();
        Eventually.until("5 dead letters", () -> {
            deadLetters.addAll(broker.drain(Broker.DEAD_LETTERS));
            return deadLetters.size();
        }, count -> count >= 5);
        List<JsonNode> awards = Eventually.until("900 awards", () -> awards(acme, moment), found -> found.size() >= 900);
        Eventually.until("the queue drained", () -> broker.ready(Broker.EVENTS_QUEUE), ready -> ready == 0);

        assertThat(awards).hasSize(900);
        assertThat(awards.stream().map(award -> award.get("userId").asText()).distinct()).hasSize(900);
        acme.moment(moment).body("budgetState.reserved", org.hamcrest.Matchers.equalTo("4500.00"));
        assertThat(deadLetters).extracting(Received::body).containsExactlyInAnyOrderElementsOf(poison);
        assertThat(deadLetters).extracting(letter -> read(letter.header("x-moments-error")).get("type").asText())
                .containsExactlyInAnyOrder("/problems/malformed-json", "/problems/not-found",
                        "/problems/invalid-value", "/problems/invalid-value", "/problems/invalid-value");
        assertThat(deadLetters).allSatisfy(letter ->
                assertThat(read(letter.header("x-moments-error")).get("detail").asText()).isNotBlank());
        assertThat(broker.drain(Broker.DEAD_LETTERS)).as("nothing more dead-lettered later").isEmpty();
    }

    @Test
    void aBatchsBadEventsAreDeadLetteredOneByOne_whileTheOthersAreRecorded() {
        Api acme = Api.newPartner();
        String moment = levelMoment(acme);
        Map<String, Object> first = level(acme, "evt-b1", "u-1", 10);
        Map<String, Object> noType = Map.of("id", "evt-b2", "userId", "u-2");
        Map<String, Object> badProperties = Map.of("id", "evt-b3", "type", "level.completed", "userId", "u-3",
                "properties", List.of(1, 2));
        Map<String, Object> last = level(acme, "evt-b4", "u-4", 12);

        broker.publish(batch(acme.partnerId, List.of(first, noType, badProperties, last)));

        List<Received> deadLetters = new ArrayList<>();
        Eventually.until("2 dead letters", () -> {
            deadLetters.addAll(broker.drain(Broker.DEAD_LETTERS));
            return deadLetters.size();
        }, count -> count >= 2);
        assertThat(Eventually.until("2 awards", () -> awards(acme, moment), found -> found.size() >= 2))
                .extracting(award -> award.get("userId").asText()).containsExactlyInAnyOrder("u-1", "u-4");
        assertThat(deadLetters).extracting(letter -> read(letter.body()).get("id").asText())
                .containsExactlyInAnyOrder("evt-b2", "evt-b3");
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(read(letter.body()).get("partnerId").asText()).as("publishable again as it is")
                    .isEqualTo(acme.partnerId);
            assertThat(read(letter.header("x-moments-error")).get("type").asText()).isEqualTo("/problems/invalid-value");
        });
        assertThat(deadLetters).extracting(letter -> read(letter.header("x-moments-error")).get("detail").asText())
                .anySatisfy(detail -> assertThat(detail).startsWith("type:"))
                .anySatisfy(detail -> assertThat(detail).startsWith("properties:"));
    }

    @Test
    void anEventIdUsedBeforeWithAnotherBody_isDeadLettered_andTheSameBodyAgainIsADuplicate() {
        Api acme = Api.newPartner();
        String moment = levelMoment(acme);
        Map<String, Object> event = level(acme, "evt-c1", "u-1", 10);
        acme.request().body(event).post("/v1/events").then().statusCode(200);

        broker.publish(List.of(json(event), json(level(acme, "evt-c1", "u-1", 11))));

        List<Received> deadLetters = Eventually.until("a dead letter", () -> broker.drain(Broker.DEAD_LETTERS),
                found -> !found.isEmpty());
        assertThat(read(deadLetters.get(0).header("x-moments-error")).get("type").asText())
                .isEqualTo("/problems/event-id-conflict");
        Eventually.until("the queue drained", () -> broker.ready(Broker.EVENTS_QUEUE), ready -> ready == 0);
        assertThat(awards(acme, moment)).as("the REST event's award, once").hasSize(1);
    }

    @Test
    void domainEventsGoOutOnTheTopicExchange_routedByType_withTheEventIdAsMessageId_inOrderPerAward() {
        Api acme = Api.newPartner();
        String moment = levelMoment(acme);
        String queue = broker.listenToDomainEvents("award.*");
        String award = acme.request().body(level(acme, "evt-d1", "u-1", 10)).post("/v1/events").then()
                .statusCode(200).extract().path("awards[0].id");
        acme.request().post("/v1/awards/" + award + "/cancel").then().statusCode(200);

        List<Received> received = new ArrayList<>();
        Eventually.until("award.earned and award.cancelled", () -> {
            received.addAll(broker.drain(queue));
            return received.stream().filter(m -> award.equals(read(m.body()).at("/data/id").asText())).count();
        }, count -> count >= 2);

        List<Received> ofAward = received.stream().filter(m -> award.equals(read(m.body()).at("/data/id").asText()))
                .toList();
        assertThat(ofAward).extracting(m -> read(m.body()).get("type").asText())
                .containsExactly("award.earned", "award.cancelled");
        Received earned = ofAward.get(0);
        JsonNode body = read(earned.body());
        assertThat(earned.properties().getMessageId()).isEqualTo(body.get("id").asText()).startsWith("evt_");
        assertThat(earned.properties().getDeliveryMode()).as("persistent").isEqualTo(2);
        assertThat(body.get("partnerId").asText()).isEqualTo(acme.partnerId);
        assertThat(body.at("/data/momentId").asText()).isEqualTo(moment);
        assertThat(body.at("/data/status").asText()).isEqualTo("EARNED");
        assertThat(body.at("/data/redeemUrl").asText()).as("as GET /v1/awards/{id} shows it")
                .isEqualTo(acme.request().get("/v1/awards/" + award).then().extract().path("redeemUrl"));
        assertThat(body.get("createdAt").asText()).isNotBlank();
        assertThat(received).extracting(m -> read(m.body()).get("type").asText())
                .as("bound to award.* only").allMatch(type -> type.startsWith("award."));
    }

    /** Only a partner id, for an event of a partner that does not exist. */
    private record PartnerOnly(String partnerId) {
    }

    private static String levelMoment(Api api) {
        return api.launchedMoment(Map.of("kind", "event", "event", "level.completed", "where", "event.level >= 10"),
                Map.of("budget", Map.of("currency", "USD", "total", "5000.00", "costPerAction", "5.00")));
    }

    private static Map<String, Object> level(Api api, String id, String user, int level) {
        return level(new PartnerOnly(api.partnerId), id, user, level);
    }

    private static Map<String, Object> level(PartnerOnly partner, String id, String user, int level) {
        return Map.of("partnerId", partner.partnerId(), "id", id, "type", "level.completed", "userId", user,
                "occurredAt", "2026-06-01T10:00:00Z", "properties", Map.of("level", level));
    }

    private static String batch(String partnerId, List<Map<String, Object>> events) {
        return json(Map.of("partnerId", partnerId, "events", events));
    }

    private static List<JsonNode> awards(Api api, String moment) {
        return Api.awardsOf(api::request, moment);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
