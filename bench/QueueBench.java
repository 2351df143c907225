import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same events two ways in one run: POST /v1/events/batch (batches of --batch from --clients clients) and the
 * queue moments.events (messages of --batch events, published with confirms), each to a moment of its own where
 * every event earns an award. Prints events/s for each; asserts nothing but exits 1 when an award is missing.
 *
 *   java -cp amqp-client.jar:slf4j-api.jar bench/QueueBench.java --url URL --admin TOKEN [--events 20000]
 *        [--batch 100] [--clients 4] [--rabbit-port 5672]
 */
public class QueueBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String url;
    static String admin;

    public static void main(String[] args) throws Exception {
        int events = 20_000;
        int batch = 100;
        int clients = 4;
        int rabbitPort = 5672;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--admin" -> admin = args[i + 1];
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--rabbit-port" -> rabbitPort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String partner = post("/admin/v1/partners", admin, "{\"name\": \"Queue bench\", \"currency\": \"USD\"}");
        String key = field(partner, "apiKey");
        String partnerId = field(partner, "id");
        String restMoment = moment(key, "bench.rest", events);
        String queueMoment = moment(key, "bench.queue", events);

        // warm-up: a few batches each way, on a moment of their own
        String warmMoment = moment(key, "bench.warm", 2_000);
        for (int i = 0; i < 5; i++) {
            post("/v1/events/batch", key, batchBody(null, "bench.warm", "w" + i, 0, 100));
        }
        publish(rabbitPort, partnerId, "bench.warm", "wq", 10, 100);
        awaitAwards(key, warmMoment, 1_500, 60);

        // 1. REST: batches from several clients
        int requests = events / batch;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long restStart = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        final int size = batch;
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int r; (r = next.getAndIncrement()) < requests; ) {
                    post("/v1/events/batch", key, batchBody(null, "bench.rest", "r", r * size, size));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double restSeconds = (System.nanoTime() - restStart) / 1e9;
        pool.shutdown();
        int restAwards = awards(key, restMoment);

        // 2. The queue: messages of a batch each, until every event is recorded
        long queueStart = System.nanoTime();
        publish(rabbitPort, partnerId, "bench.queue", "q", requests, batch);
        double publishSeconds = (System.nanoTime() - queueStart) / 1e9;
        int queueAwards = awaitAwards(key, queueMoment, events, 300);
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

        System.out.printf("%nQueue benchmark — %d events each way, %d per request or message, %d REST clients%n",
                events, batch, clients);
        System.out.printf("| path | events/s | seconds | awards |%n|---|---|---|---|%n");
        System.out.printf("| REST `POST /v1/events/batch` | %,.1f | %.2f | %d |%n", events / restSeconds,
                restSeconds, restAwards);
        System.out.printf("| queue `moments.events` (published in %.2f s) | %,.1f | %.2f | %d |%n", publishSeconds,
                events / queueSeconds, queueSeconds, queueAwards);
        System.out.printf("RESULT rest_events_per_s=%.1f%nRESULT queue_events_per_s=%.1f%n", events / restSeconds,
                events / queueSeconds);
        System.exit(restAwards == events && queueAwards == events ? 0 : 1);
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

    static String batchBody(String partnerId, String type, String prefix, int from, int count) {
        StringBuilder body = new StringBuilder("{");
        if (partnerId != null) {
            body.append("\"partnerId\": \"").append(partnerId).append("\", ");
        }
        body.append("\"events\": [");
        for (int i = 0; i < count; i++) {
            String user = prefix + "-" + (from + i);
            body.append(i == 0 ? "" : ",").append("{\"id\": \"").append(type).append('-').append(user)
                    .append("\", \"type\": \"").append(type).append("\", \"userId\": \"").append(user).append("\"}");
        }
        return body.append("]}").toString();
    }

    static void publish(int port, String partnerId, String type, String prefix, int messages, int batch)
            throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).build();
            for (int m = 0; m < messages; m++) {
                channel.basicPublish("moments.events", type, properties,
                        batchBody(partnerId, type, prefix, m * batch, batch).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(60_000);
        }
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
        String body = get("/v1/moments/" + moment, key);
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

    static String get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }
}
