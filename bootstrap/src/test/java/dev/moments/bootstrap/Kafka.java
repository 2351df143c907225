package dev.moments.bootstrap;

import dev.moments.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real Kafka of the tests: one broker for the whole test run (started on first use, stopped at exit), with the
 * service's topics, and what a test does with it: publish events as internal systems would, read a topic, read the
 * offsets the service committed.
 */
final class Kafka {

    static final String EVENTS = "moments.events";
    static final String DEAD_LETTERS = "moments.events.dlq";
    static final String DOMAIN_EVENTS = "moments.domain-events";
    static final String GROUP = "moments";
    /** Partitions of the events topic: more than one, so that instances and consumers have some to share. */
    static final int EVENT_PARTITIONS = 6;

    private static KafkaBroker broker;
    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    /** The broker's address, starting it (and creating the topics) on first use. */
    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = KafkaBroker.start(Path.of("target", "kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            try (Admin admin = admin()) {
                admin.createTopics(List.of(new NewTopic(EVENTS, EVENT_PARTITIONS, (short) 1),
                        new NewTopic(DEAD_LETTERS, 1, (short) 1),
                        new NewTopic(DOMAIN_EVENTS, 3, (short) 1))).all().get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("could not create the topics", e);
            }
        }
        return broker.bootstrapServers();
    }

    /** The configuration of a service on this Kafka. */
    static Map<String, String> serviceConfig() {
        return Map.of("moments.messaging.broker", "kafka", "kafka.bootstrap.servers", bootstrapServers());
    }

    /** Publishes each value keyed {@code key}, in order, and returns once Kafka has them all. */
    static void publish(String key, String... values) {
        publish(List.of(values).stream().map(value -> Map.entry(key, value)).toList());
    }

    /** Publishes each (key, value), in order, and returns once Kafka has them all. */
    static void publish(List<Map.Entry<String, String>> records) {
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, String> record : records) {
                sent.add(producer().send(new ProducerRecord<>(EVENTS, record.getKey(), record.getValue())));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not publish to " + EVENTS, e);
        }
    }

    /** The partitions of {@code moments.events} each member of the service's group holds now. */
    static Map<String, Set<Integer>> assignment() {
        try (Admin admin = admin()) {
            Map<String, Set<Integer>> partitions = new HashMap<>();
            for (MemberDescription member : admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP)
                    .members()) {
                partitions.put(member.consumerId(), member.assignment().topicPartitions().stream()
                        .filter(partition -> EVENTS.equals(partition.topic())).map(TopicPartition::partition)
                        .collect(Collectors.toSet()));
            }
            return partitions;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not describe the group " + GROUP, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    /** One record as a test reads it: its key, value and headers as text. */
    record Record(String key, String value, Map<String, String> headers) {
    }

    /** Every record of {@code topic} so far, from the start. */
    static List<Record> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Record> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    records.add(new Record(record.key(), record.value(), headers));
                }
            }
            return records;
        }
    }

    /** How many records of the events topic the service's group has not committed yet, over all partitions. */
    static long uncommittedEvents() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < EVENT_PARTITIONS; p++) {
                latest.put(new TopicPartition(EVENTS, p), OffsetSpec.latest());
            }
            long behind = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return behind;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not read the group's offsets", e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
