import dev.moments.testing.kafka.KafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A Kafka for the benchmark (the tests' one-node KRaft broker), with the service's topics: moments.events in
 * --partitions partitions. Prints "SERVERS host:port" and runs until killed.
 *
 *   java -cp testing/kafka-broker/target/classes:<its broker.classpath> bench/KafkaServe.java DIR PARTITIONS
 */
public class KafkaServe {

    public static void main(String[] args) throws Exception {
        KafkaBroker kafka = KafkaBroker.start(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("moments.events", Integer.parseInt(args[1]), (short) 1),
                    new NewTopic("moments.events.dlq", 1, (short) 1),
                    new NewTopic("moments.domain-events", 3, (short) 1))).all().get();
        }
        System.out.println("SERVERS " + kafka.bootstrapServers());
        Thread.currentThread().join();
    }
}
