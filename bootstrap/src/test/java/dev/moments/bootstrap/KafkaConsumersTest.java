package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One instance with three Kafka consumers ({@code moments.messaging.kafka-consumers=3}) taking small polls: they
 * share the partitions of {@code moments.events} in the group, and each partition's records are still recorded in
 * their order, also when a user's two records fall into two polls.
 */
@QuarkusTest
@TestProfile(KafkaConsumersTest.ThreeConsumers.class)
class KafkaConsumersTest {

    /** The service on Kafka with three consumers and at most 7 records a poll. */
    public static class ThreeConsumers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Kafka.serviceConfig());
            config.put("moments.messaging.kafka-consumers", "3");
            config.put("moments.messaging.kafka-poll-records", "7");
            return config;
        }
    }

    @Test
    void threeConsumersOfOneInstanceShareThePartitionsAndEachPartitionsOrderHolds() {
        Map<String, Set<Integer>> assignment = Eventually.until("three consumers with partitions",
                Kafka::assignment, members -> members.size() == 3
                        && members.values().stream().noneMatch(Set::isEmpty));
        assertThat(assignment.values().stream().mapToInt(Set::size).sum()).isEqualTo(Kafka.EVENT_PARTITIONS);

        KafkaMessagingTest.recordedInOrder(Api.newPartner(), 120);
    }
}
