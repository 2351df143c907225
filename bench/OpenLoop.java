import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load generator of the Moments harness (see bench/harness.sh): requests leave at a constant rate whatever
 * the service does, and each latency is measured from the time the request was due to leave, so a slow answer delays
 * nothing and hides nothing (no coordinated omission). Single file; needs HdrHistogram on the class path:
 * {@code java -cp HdrHistogram.jar bench/OpenLoop.java --url URL --admin TOKEN --scenario many|hot|batch
 * --rate R --seconds S [--warmup-s 5] [--max-in-flight 512] [--moments 10] [--users 100000] [--batch 100]
 * [--slow-ms M]} ({@code --slow-ms}: print each measured request that took M ms or more, with when it was due,
 * from the measurement's start and on the wall clock, to set beside GC and PostgreSQL logs).
 *
 * <ul>
 *   <li>{@code spread}: {@code --moments} live {@code count} moments, moment i listening to {@code app.action.i};
 *       user u (drawn from {@code --users}) sends {@code app.action.(u % moments)}: each event moves one progress row,
 *       however many moments the partner has. Each moment's first user is {@code seed-i}. With
 *       {@code --setup-only true} it only sets up and prints the key; a later run given {@code --api-key} (and
 *       {@code --moment}) reuses them.</li>
 *   <li>{@code many}: {@code --moments} live {@code count} moments listen to {@code app.action} (at least 1,000 in 30
 *       days: they progress, they seldom pay), single events of users drawn from {@code --users}.</li>
 *   <li>{@code hot}: one live {@code event} moment pays every event (each from a new user) out of one budget, single
 *       events: every request reserves money on the same budget row.</li>
 *   <li>{@code batch}: the same hot moment, {@code --batch} events per {@code POST /v1/events/batch}; the rate is
 *       requests per second.</li>
 * </ul>
 *
 * <p>A setup phase creates the partner and moments through the API; a warm-up at the same rate lets the JIT see the
 * path; then the measured phase. Prints {@code RESULT key=value} lines: events and requests per second achieved,
 * latency percentiles in ms (p50, p99, p99.9, max), errors, and the moment for the caller's checks. A request that
 * finds {@code --max-in-flight} requests outstanding waits for one to end: its wait counts in its latency.
 */
public class OpenLoop {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String url = required(opt, "url");
        String admin = required(opt, "admin");
        String scenario = opt.getOrDefault("scenario", "many");
        double rate = Double.parseDouble(required(opt, "rate"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup-s", "5"));
        int maxInFlight = Integer.parseInt(opt.getOrDefault("max-in-flight", "512"));
        int moments = Integer.parseInt(opt.getOrDefault("moments", "10"));
        int users = Integer.parseInt(opt.getOrDefault("users", "100000"));
        int batch = scenario.equals("batch") ? Integer.parseInt(opt.getOrDefault("batch", "100")) : 1;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Api api = new Api(http, url);
        String key = opt.get("api-key"); // given: the partner and moments of an earlier --setup-only run
        String moment = opt.get("moment");
        String type;
        if (scenario.equals("spread")) {
            type = "app.action.";
            if (key == null) {
                key = partner(api, admin);
                String reward = reward(api, key);
                for (int i = 0; i < moments; i++) {
                    String id = match(ID, api.post("/v1/moments", key, momentBody("Spread " + i, "{\"kind\":\"count\","
                            + "\"event\":\"app.action." + i + "\",\"atLeast\":1000,\"within\":\"P30D\"}", "1000000.00",
                            reward)));
                    api.post("/v1/moments/" + id + "/launch", key, "");
                    // the moment's first user, whose progress row the caller may copy for users of its own
                    api.post("/v1/events", key, "{\"id\":\"seed-" + i + "\",\"type\":\"app.action." + i
                            + "\",\"userId\":\"seed-" + i + "\"}");
                    moment = moment == null ? id : moment;
                }
            }
        } else {
            key = partner(api, admin);
            String reward = reward(api, key);
            if (scenario.equals("many")) {
                type = "app.action";
                moment = null;
                for (int i = 0; i < moments; i++) {
                    String id = match(ID, api.post("/v1/moments", key, momentBody("Count " + i, "{\"kind\":\"count\","
                            + "\"event\":\"app.action\",\"atLeast\":1000,\"within\":\"P30D\"}", "1000000.00", reward)));
                    api.post("/v1/moments/" + id + "/launch", key, "");
                    moment = moment == null ? id : moment;
                }
            } else {
                type = "order.completed";
                // enough money for every event of the run and its warm-up, twice over: the budget never runs out
                long events = (long) Math.ceil(rate * batch * (seconds + warmup) * 2) + 1000;
                String total = String.format("%d.00", Math.min(events, 900_000_000L));
                moment = match(ID, api.post("/v1/moments", key, momentBody("Hot", "{\"kind\":\"event\","
                        + "\"event\":\"order.completed\"}", total, reward)));
                api.post("/v1/moments/" + moment + "/launch", key, "");
            }
        }
        if (Boolean.parseBoolean(opt.getOrDefault("setup-only", "false"))) {
            System.out.println("RESULT api_key=" + key);
            System.out.println("RESULT moment=" + moment);
            return;
        }
        System.out.printf("scenario %s: %.1f requests/s of %d event(s), %d s after %d s of warm-up%n", scenario, rate,
                batch, seconds, warmup);

        Run run = new Run(http, url, key, type, scenario.equals("hot") || scenario.equals("batch") ? 0 : users, batch,
                maxInFlight);
        run.types = scenario.equals("spread") ? moments : 0;
        run.slowNanos = (long) (Double.parseDouble(opt.getOrDefault("slow-ms", "0")) * 1e6);
        run.fire(rate, warmup, null);
        run.drain();
        run.errors.set(0);
        Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(5), 3);
        System.out.println("MEASURE start"); // the caller samples the processes' CPU time here and at the end
        System.out.flush();
        long start = System.nanoTime();
        long sent = run.fire(rate, seconds, recorder);
        run.drain();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println("MEASURE end");
        System.out.flush();
        Histogram histogram = recorder.getIntervalHistogram();
        long ok = histogram.getTotalCount() - run.errors.get();
        System.out.printf("RESULT scenario=%s%n", scenario);
        System.out.printf("RESULT moment=%s%n", moment);
        System.out.printf("RESULT api_key=%s%n", key);
        System.out.printf("RESULT target_rate=%.1f%n", rate);
        System.out.printf("RESULT requests=%d%n", sent);
        System.out.printf("RESULT errors=%d%n", run.errors.get());
        System.out.printf("RESULT requests_per_s=%.1f%n", ok / elapsed);
        System.out.printf("RESULT events_per_s=%.1f%n", ok * batch / elapsed);
        System.out.printf("RESULT events=%d%n", ok * batch);
        System.out.printf("RESULT p50_ms=%.2f%n", histogram.getValueAtPercentile(50) / 1e6);
        System.out.printf("RESULT p99_ms=%.2f%n", histogram.getValueAtPercentile(99) / 1e6);
        System.out.printf("RESULT p999_ms=%.2f%n", histogram.getValueAtPercentile(99.9) / 1e6);
        System.out.printf("RESULT max_ms=%.2f%n", histogram.getMaxValue() / 1e6);
        System.exit(0); // the HTTP client's threads would keep the JVM a while
    }

    /** Requests at a constant rate, each measured from its due time. */
    static final class Run {
        final HttpClient http;
        final String url;
        final String key;
        final String type;
        final int users;
        final int batch;
        final Semaphore inFlight;
        final int maxInFlight;
        final AtomicLong errors = new AtomicLong();
        final AtomicLong sequence = new AtomicLong();
        int types; // > 0: user u sends events of type {@code type + (u % types)}, the spread scenario
        long slowNanos; // > 0: print each measured request at least this slow, with when it was due

        Run(HttpClient http, String url, String key, String type, int users, int batch, int maxInFlight) {
            this.http = http;
            this.url = url;
            this.key = key;
            this.type = type;
            this.users = users;
            this.batch = batch;
            this.maxInFlight = maxInFlight;
            this.inFlight = new Semaphore(maxInFlight);
        }

        /**
         * Sends requests on schedule for {@code seconds}: {@code rate × seconds} of them, or fewer when the service
         * cannot keep up (a request waiting for a free slot past the end is not sent). Records their latencies when
         * given a recorder.
         */
        long fire(double rate, int seconds, Recorder recorder) throws InterruptedException {
            long period = (long) (1e9 / rate);
            long count = (long) (rate * seconds);
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis(); // to give a slow request's due time on the wall clock
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (long i = 0; i < count; i++) {
                long due = start + i * period;
                if (System.nanoTime() >= end) {
                    return i; // saturated: the rest would only wait
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                HttpRequest request = request();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    long took = System.nanoTime() - due;
                    inFlight.release();
                    boolean fine = failure == null && response.statusCode() == 200;
                    if (!fine) {
                        errors.incrementAndGet();
                    }
                    if (recorder != null) {
                        recorder.recordValue(Math.min(took, TimeUnit.MINUTES.toNanos(5)));
                        if (slowNanos > 0 && took >= slowNanos) {
                            System.out.printf("SLOW at=%.3fs wall=%s took_ms=%.1f%n", (due - start) / 1e9,
                                    java.time.Instant.ofEpochMilli(startMillis + (due - start) / 1_000_000),
                                    took / 1e6);
                        }
                    }
                });
            }
            return count;
        }

        /** Waits for every outstanding request. */
        void drain() throws InterruptedException {
            inFlight.acquire(maxInFlight);
            inFlight.release(maxInFlight);
        }

        private HttpRequest request() {
            String body;
            String path;
            if (batch == 1) {
                body = event();
                path = "/v1/events";
            } else {
                StringBuilder events = new StringBuilder("{\"events\":[");
                for (int i = 0; i < batch; i++) {
                    events.append(i == 0 ? "" : ",").append(event());
                }
                body = events.append("]}").toString();
                path = "/v1/events/batch";
            }
            return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private String event() {
            long n = sequence.incrementAndGet();
            int drawn = users > 0 ? ThreadLocalRandom.current().nextInt(users) : 0;
            String user = users > 0 ? "u-" + drawn : "buyer-" + n;
            String eventType = types > 0 ? type + (drawn % types) : type;
            return "{\"id\":\"ol-" + n + "-" + System.nanoTime() + "\",\"type\":\"" + eventType
                    + "\",\"userId\":\"" + user
                    + "\",\"properties\":{\"total\":42.5,\"sku\":\"sku-" + (n % 1000) + "\"}}";
        }
    }

    /** A new partner; its API key. */
    private static String partner(Api api, String admin) throws Exception {
        return match(API_KEY, api.post("/admin/v1/partners", admin, "{\"name\":\"Open loop\",\"currency\":\"USD\"}"));
    }

    private static String reward(Api api, String key) throws Exception {
        return match(ID, api.post("/v1/rewards", key, "{\"name\":\"Credit\",\"kind\":\"CREDIT\","
                + "\"cost\":\"0.01\",\"currency\":\"USD\",\"fulfillment\":{\"provider\":\"sandbox\"}}"));
    }

    private static String momentBody(String name, String trigger, String total, String reward) {
        return "{\"name\":\"" + name + "\",\"trigger\":" + trigger + ",\"budget\":{\"currency\":\"USD\",\"total\":\""
                + total + "\",\"costPerAction\":\"1.00\"},\"rewards\":[\"" + reward + "\"],\"limits\":{\"perUser\":1}}";
    }

    /** Plain, blocking calls of the setup. */
    record Api(HttpClient http, String url) {
        String post(String path, String token, String body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
