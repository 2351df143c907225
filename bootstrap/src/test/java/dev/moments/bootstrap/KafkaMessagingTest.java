package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Internal systems over Kafka (docs/messaging.md), against a real Kafka broker and the database: with
 * {@code moments.messaging.broker=kafka} the events of the topic {@code moments.events} are recorded as
 * {@code POST /v1/events} records them, one user's in order, what can never succeed lands on
 * {@code moments.events.dlq} with its reason, domain events come out on {@code moments.domain-events}, and an offset
 * is committed only once its events are.
 */
@QuarkusTest
@TestProfile(KafkaMessagingTest.OnKafka.class)
class KafkaMessagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The service with Kafka as its broker (RabbitMQ is not connected to at all), taking at most 7 records a poll:
     * a user's two records often fall into two polls, whose order must hold too.
     */
    public static class OnKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Kafka.serviceConfig());
            config.put("moments.messaging.kafka-poll-records", "7");
            return config;
        }
    }

    @Test
    void readinessWatchesKafkasChannelsOnly() {
        JsonNode broker = BrokerHealth.up();

        assertThat(broker.path("data").path("name").asText()).isEqualTo("kafka");
        assertThat(broker.path("data").has("kafka-events")).isTrue();
        assertThat(broker.path("data").has("events")).as("RabbitMQ's channel").isFalse();
    }

    static String key(Api partner, String user) {
        return partner.partnerId + ":" + user;
    }

    private static String event(Api partner, String id, String type, String user) {
        return """
                {"partnerId": "%s", "id": "%s", "type": "%s", "userId": "%s"}""".formatted(partner.partnerId, id,
                type, user);
    }

    @Test
    void eachUsersEventsAreRecordedInTheOrderOfTheirPartitionAndEveryAwardIsAnnounced() {
        Api partner = Api.newPartner();

        List<JsonNode> awards = recordedInOrder(partner, 120);

        List<Kafka.Record> announced = Eventually.until("an award.earned on moments.domain-events for each award",
                () -> Kafka.readAll(Kafka.DOMAIN_EVENTS).stream()
                        .filter(record -> partner.partnerId.equals(record.key()))
                        .filter(record -> "award.earned".equals(record.headers().get("type"))).toList(),
                earned -> earned.size() >= awards.size());
        assertThat(announced).extracting(record -> read(record.value()).path("data").path("id").asText())
                .containsExactlyInAnyOrderElementsOf(awards.stream().map(award -> award.get("id").asText()).toList());
        assertThat(announced).allSatisfy(record ->
                assertThat(read(record.value()).path("partnerId").asText()).isEqualTo(partner.partnerId));
    }

    /**
     * For each of {@code users} users, one event id twice with two bodies, published in that order: the first
     * recorded wins and the second is a conflict, so which one earned tells the order they were recorded in. Checks
     * that every user earned with the first body and that every second body was dead-lettered as a conflict.
     *
     * @return the awards
     */
    static List<JsonNode> recordedInOrder(Api partner, int users) {
        String moment = partner.launchedMoment(Map.of("kind", "event", "event", "order.completed",
                "where", "event.n == 1"), Map.of("budget", Map.of("currency", "USD", "total", users * 10 + ".00",
                "costPerAction", "10.00")));
        List<String> ids = IntStream.range(0, users).mapToObj(i -> "u-" + i).toList();
        for (String user : ids) {
            String id = Api.uniqueId("e-");
            Kafka.publish(key(partner, user), order(partner, id, user, 1), order(partner, id, user, 2));
        }

        List<JsonNode> awards = Eventually.until("an award for each user",
                () -> Api.awardsOf(partner::request, moment), all -> all.size() >= ids.size());
        assertThat(awards).extracting(award -> award.get("userId").asText()).containsExactlyInAnyOrderElementsOf(ids);
        List<Kafka.Record> conflicts = Eventually.until("each second body on moments.events.dlq",
                () -> Kafka.readAll(Kafka.DEAD_LETTERS).stream()
                        .filter(record -> record.value().contains(partner.partnerId)).toList(),
                letters -> letters.size() >= ids.size());
        assertThat(conflicts).hasSize(ids.size()).allSatisfy(letter -> {
            assertThat(read(letter.value()).path("properties").path("n").asInt()).isEqualTo(2);
            assertThat(read(letter.headers().get("x-moments-error")).path("type").asText())
                    .isEqualTo("/problems/event-id-conflict");
        });
        return awards;
    }

    private static String order(Api partner, String id, String user, int n) {
        return """
                {"partnerId": "%s", "id": "%s", "type": "order.completed", "userId": "%s", "properties": {"n": %d}}"""
                .formatted(partner.partnerId, id, user, n);
    }

    @Test
    void whatCanNeverSucceedGoesToTheDeadLetterTopicWithItsReasonAndItsKey() {
        Api partner = Api.newPartner();
        String notJson = "{\"partnerId\": \"" + partner.partnerId + "\", \"id\": ";
        String invalid = """
                {"partnerId": "%s", "id": "%s", "type": "order.completed"}""".formatted(partner.partnerId,
                Api.uniqueId("e-"));

        Kafka.publish(key(partner, "u-bad"), notJson, invalid);

        List<Kafka.Record> letters = Eventually.until("both on moments.events.dlq",
                () -> Kafka.readAll(Kafka.DEAD_LETTERS).stream()
                        .filter(record -> record.value().contains(partner.partnerId)).toList(),
                found -> found.size() >= 2);
        assertThat(letters).extracting(Kafka.Record::value).containsExactly(notJson, invalid);
        assertThat(letters).extracting(Kafka.Record::key).containsOnly(key(partner, "u-bad"));
        assertThat(letters).extracting(record -> read(record.headers().get("x-moments-error")).path("type").asText())
                .containsExactly("/problems/malformed-json", "/problems/invalid-value");
        assertThat(read(letters.get(1).headers().get("x-moments-error")).path("detail").asText())
                .startsWith("userId");
    }

    @Test
    void anOffsetIsCommittedOnlyOnceItsEventIsCommitted() throws Exception {
        Api partner = Api.newPartner();
        String moment = partner.launchedMoment(Map.of("kind", "event", "event", "order.completed"));
        String eventId = Api.uniqueId("e-");
        Eventually.until("every earlier record committed", Kafka::uncommittedEvents, behind -> behind == 0);

        try (Connection holder = TestDatabase.holdTheEventsRow(partner.partnerId, eventId)) {
            Kafka.publish(key(partner, "u-1"), event(partner, eventId, "order.completed", "u-1"));
            Eventually.until("the consumer's unit waits for the held row", TestDatabase::insertsWaitingForALock,
                    waiting -> waiting == 1);
            Thread.sleep(2_500); // more than two commit intervals (1 s): an early commit would have happened

            assertThat(Kafka.uncommittedEvents()).as("the record's offset while its event waits").isEqualTo(1);

            holder.rollback();
        }
        Eventually.until("the event recorded and its offset committed", Kafka::uncommittedEvents,
                behind -> behind == 0);
        assertThat(Api.awardsOf(partner::request, moment)).singleElement()
                .satisfies(award -> assertThat(award.get("eventId").asText()).isEqualTo(eventId));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
