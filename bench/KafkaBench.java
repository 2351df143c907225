import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events/s through Kafka's topic moments.events into one service: --events events of distinct users, each earning an
 * award, published keyed <partnerId>:<userId> (one event per record, or --per-record events per record as a batch
 * message), timed from the first record published until the moment has reserved every award. Prints a table row;
 * asserts nothing but exits 1 when an award is missing.
 *
 *   java -cp <kafka-clients and its dependencies> bench/KafkaBench.java --url URL --admin TOKEN --kafka SERVERS
 *        [--events 20000] [--per-record 1]
 */
public class KafkaBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String url;
    static String admin;

    public static void main(String[] args) throws Exception {
        int events = 20_000;
        int perRecord = 1;
        String servers = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--admin" -> admin = args[i + 1];
                case "--kafka" -> servers = args[i + 1];
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--per-record" -> perRecord = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String partner = post("/admin/v1/partners", admin, "{\"name\": \"Kafka bench\", \"currency\": \"USD\"}");
        String key = field(partner, "apiKey");
        String partnerId = field(partner, "id");
        String warm = moment(key, "bench.warm", 2_000);
        String moment = moment(key, "bench.kafka", events);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers,
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName(), "acks", "all", "linger.ms", 5))) {
            publish(producer, partnerId, "bench.warm", "w", 2_000, perRecord);
            awaitAwards(key, warm, 2_000, 120);

            long start = System.nanoTime();
            publish(producer, partnerId, "bench.kafka", "k", events, perRecord);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            int awards = awaitAwards(key, moment, events, 600);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("| %d | %d | %,.1f | %.2f | %.2f | %d |%n", events, perRecord, events / seconds,
                    publishSeconds, seconds, awards);
            System.out.printf("RESULT kafka_events_per_s=%.1f%n", events / seconds);
            System.exit(awards == events ? 0 : 1);
        }
    }

    static void publish(KafkaProducer<String, String> producer, String partnerId, String type, String prefix,
                        int events, int perRecord) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int from = 0; from < events; from += perRecord) {
            int count = Math.min(perRecord, events - from);
            String user = prefix + "-" + from;
            sent.add(producer.send(new ProducerRecord<>("moments.events", partnerId + ":" + user,
                    body(partnerId, type, prefix, from, count))));
        }
        for (Future<RecordMetadata> each : sent) {
            each.get();
        }
    }

    /** One event (of the user prefix-from), or a batch of count events of distinct users. */
    static String body(String partnerId, String type, String prefix, int from, int count) {
        if (count == 1) {
            return event(partnerId, type, prefix + "-" + from);
        }
        StringBuilder body = new StringBuilder("{\"partnerId\": \"").append(partnerId).append("\", \"events\": [");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(event(null, type, prefix + "-" + (from + i)));
        }
        return body.append("]}").toString();
    }

    static String event(String partnerId, String type, String user) {
        return "{" + (partnerId == null ? "" : "\"partnerId\": \"" + partnerId + "\", ") + "\"id\": \"" + type + "-"
                + user + "\", \"type\": \"" + type + "\", \"userId\": \"" + user + "\"}";
    }

    static String moment(String key, String type, int awards) throws Exception {
        String reward = field(post("/v1/rewards", key, "{\"name\": \"Credit\", \"kind\": \"CREDIT\", \"cost\": \"1.00\","
                + " \"currency\": \"USD\", \"fulfillment\": {\"provider\": \"sandbox\"}}"), "id");
        String moment = field(post("/v1/moments", key, "{\"name\": \"" + type + "\", \"trigger\": {\"kind\": \"event\","
                + " \"event\": \"" + type + "\"}, \"budget\": {\"currency\": \"USD\", \"total\": \"" + awards
                + ".00\", \"costPerAction\": \"1.00\"}, \"rewards\": [\"" + reward + "\"]}"), "id");
        post("/v1/moments/" + moment + "/launch", key, "");
        return moment;
    }

    static int awaitAwards(String key, String moment, int expected, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int seen;
        while ((seen = awards(key, moment)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return seen;
    }

    /** Awards so far: the moment's reserved amount at 1.00 each. */
    static int awards(String key, String moment) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/moments/" + moment))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher reserved = Pattern.compile("\"reserved\"\\s*:\\s*\"(\\d+)\\.\\d+\"").matcher(body);
        return reserved.find() ? Integer.parseInt(reserved.group(1)) : -1;
    }

    static String post(String path, String token, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }
}
