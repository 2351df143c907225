import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile requests of issue 10's findings 1–3 (and two its review found), sent to a running service while another
 * tenant keeps working:
 * prints, per attack, the answers and how long they took, the service's peak resident memory (VmRSS of --app-pid,
 * sampled every 50 ms), and the other tenant's latencies meanwhile. Figures are printed, never asserted.
 *
 *   java bench/Attacks.java --url http://127.0.0.1:8080 --admin TOKEN --app-pid PID [--rounds 5] [--parallel 1]
 *
 * --parallel N: each attack is sent by N clients at once, each --rounds times.
 *
 * JDK only, one file, run by bench/attacks.sh.
 */
public class Attacks {

    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String url;

    public static void main(String[] args) throws Exception {
        String admin = null;
        long pid = -1;
        int rounds = 5;
        int parallel = 1;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--admin" -> admin = args[i + 1];
                case "--app-pid" -> pid = Long.parseLong(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--parallel" -> parallel = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String attacker = partner(admin, "Attacker");
        String bystander = partner(admin, "Bystander");
        String attackerReward = reward(attacker);
        String bystanderReward = reward(bystander);
        launch(bystander, moment(bystanderReward, "{\"kind\":\"event\",\"event\":\"order.completed\"}", ""));
        launch(attacker, moment(attackerReward, "{\"kind\":\"event\",\"event\":\"big\","
                + "\"where\":\"event.l.map(x, event.s + event.s).size() > 0\"}", ""));
        launch(attacker, moment(attackerReward, "{\"kind\":\"event\",\"event\":\"big\","
                + "\"where\":\"event.l.all(x, (event.s+event.s+event.s+event.s).size() > 0)\"}", ""));

        RssSampler rss = new RssSampler(pid);
        Bystander other = new Bystander(bystander);
        Thread sampler = new Thread(rss, "rss");
        Thread victim = new Thread(other, "bystander");
        sampler.start();
        victim.start();
        Thread.sleep(2_000);
        long rssBefore = rss.peak.getAndSet(rss.current());
        other.latencies.clear();

        String oneMbString = "a".repeat(1_000_000);
        String tenThousand = numbers(10_000);
        String key = "k".repeat(10_000);
        String deepProperties = "{\"id\":\"deep-%d\",\"type\":\"t\",\"userId\":\"u\",\"properties\":"
                + ("{\"" + key + "\":").repeat(990) + "1" + "}".repeat(990) + "}";
        String deepUser = "{\"id\":\"deep-user-%d\",\"type\":\"t\",\"userId\":\"u\",\"user\":"
                + "{\"a\":".repeat(999) + "1" + "}".repeat(999) + "}";
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            segments.append(i == 0 ? "" : ",").append('"').append(String.format("s%0190d", i)).append('"');
        }

        clients = parallel;
        System.out.printf("%-62s %-16s %10s %10s%n", "attack (" + parallel + " client(s), " + rounds + " times each)",
                "answers", "max ms", "peak RSS");
        attack(rss, rounds, "1a. map(event.s + event.s) over 10,000 items, 1 MB string", n ->
                post(attacker, "/v1/events", "{\"id\":\"big-a-" + n + "\",\"type\":\"big\",\"userId\":\"u" + n
                        + "\",\"properties\":{\"l\":" + tenThousand + ",\"s\":\"" + oneMbString + "\"}}"));
        attack(rss, rounds, "1b. the same within the event limits (990 items, 8 KB string)", n ->
                post(attacker, "/v1/events", "{\"id\":\"big-b-" + n + "\",\"type\":\"big\",\"userId\":\"v" + n
                        + "\",\"properties\":{\"l\":" + numbers(990) + ",\"s\":\"" + "a".repeat(8_192) + "\"}}"));
        attack(rss, rounds, "2a. properties nested 990 deep, 10,000-character keys (9.9 MB)", n ->
                post(attacker, "/v1/events", String.format(deepProperties, n)));
        attack(rss, rounds, "2b. user nested 999 deep", n -> post(attacker, "/v1/events", String.format(deepUser, n)));
        attack(rss, rounds, "3a. a moment with 50,000 segments of 191 characters", n ->
                post(attacker, "/v1/moments", moment(attackerReward, "{\"kind\":\"event\",\"event\":\"x\"}",
                        ",\"audience\":{\"segments\":[" + segments + "]}")));
        attack(rss, rounds, "3b. GET /v1/moments?limit=500", n -> get(attacker, "/v1/moments?limit=500"));
        attack(rss, rounds, "4. a where matching a pattern taken from the event", n ->
                post(attacker, "/v1/moments", moment(attackerReward, "{\"kind\":\"event\",\"event\":\"re\","
                        + "\"where\":\"event.s.matches(event.p)\"}", "")));
        String emptyEvents = "{\"events\":[" + "{},".repeat(3_300_000) + "{}]}";
        attack(rss, rounds, "5. a batch of 3.3 million empty events (10 MB)", n ->
                post(attacker, "/v1/events/batch", emptyEvents));

        other.stop.set(true);
        victim.join();
        rss.stop.set(true);
        sampler.join();
        List<Long> latencies = new ArrayList<>(other.latencies);
        Collections.sort(latencies);
        System.out.printf("%nservice RSS: %d MB before the attacks, %d MB at most during them%n",
                rssBefore / 1024, rss.peak.get() / 1024);
        System.out.printf("other tenant meanwhile: %d events, latency p50 %d ms, p99 %d ms, max %d ms, %d errors%n",
                latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1), other.errors.get());
    }

    interface Request {
        HttpResponse<String> send(int n) throws Exception;
    }

    /** How many clients send each attack at once. */
    static int clients = 1;

    static void attack(RssSampler rss, int rounds, String name, Request request) throws Exception {
        rss.peak.set(rss.current());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        AtomicLong slowest = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int n = 0; n < rounds; n++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = request.send((int) sequence.getAndIncrement());
                    slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    statuses.add(response.statusCode());
                }
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get();
        }
        pool.shutdown();
        System.out.printf("%-62s %-16s %10d %7d MB%n", name, summary(statuses), slowest.get(),
                rss.peak.get() / 1024);
    }

    static String summary(List<Integer> statuses) {
        StringBuilder out = new StringBuilder();
        statuses.stream().distinct().sorted().forEach(status -> out.append(out.length() == 0 ? "" : " ")
                .append(Collections.frequency(statuses, status)).append("×").append(status));
        return out.toString();
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    static String numbers(int count) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append(i);
        }
        return out.append(']').toString();
    }

    /** The other tenant: one ordinary event every 20 ms, each timed. */
    static final class Bystander implements Runnable {
        final String key;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong errors = new AtomicLong();

        Bystander(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            for (int n = 0; !stop.get(); n++) {
                long start = System.nanoTime();
                try {
                    int status = post(key, "/v1/events", "{\"id\":\"order-" + n + "\",\"type\":\"order.completed\","
                            + "\"userId\":\"user-" + n + "\",\"properties\":{\"total\":42.5}}").statusCode();
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - start) / 1_000_000);
                    Thread.sleep(20);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    /** The service's resident memory (kB), every 50 ms, and its peak. */
    static final class RssSampler implements Runnable {
        final long pid;
        final AtomicLong peak = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();

        RssSampler(long pid) {
            this.pid = pid;
        }

        long current() {
            if (pid < 0) {
                return 0;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return 0;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                peak.accumulateAndGet(current(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    static String partner(String admin, String name) throws Exception {
        return field(post(admin, "/admin/v1/partners", "{\"name\":\"" + name + "\",\"currency\":\"USD\"}"), "apiKey");
    }

    static String reward(String key) throws Exception {
        return field(post(key, "/v1/rewards", "{\"name\":\"Credit\",\"kind\":\"CREDIT\",\"cost\":\"1.00\","
                + "\"currency\":\"USD\",\"fulfillment\":{\"provider\":\"sandbox\"}}"), "id");
    }

    static String moment(String reward, String trigger, String extra) {
        return "{\"name\":\"m\",\"trigger\":" + trigger + ",\"budget\":{\"currency\":\"USD\",\"total\":\"100000.00\","
                + "\"costPerAction\":\"1.00\"},\"rewards\":[\"" + reward + "\"]" + extra + "}";
    }

    static void launch(String key, String momentJson) throws Exception {
        String id = field(post(key, "/v1/moments", momentJson), "id");
        post(key, "/v1/moments/" + id + "/launch", "");
    }

    static String field(HttpResponse<String> response, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException(response.statusCode() + " without " + name + ": " + response.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> post(String key, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String key, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
