import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of the Moments benchmark (see bench/run.sh). Single file, JDK only:
 * {@code java bench/LoadGen.java --url http://127.0.0.1:PORT --admin TOKEN [--awards 2000] [--events 6000]
 * [--clients 32] [--warmup 1000] [--deadline-s 120] [--batch 1] [--engagement 0]}.
 *
 * <p>Creates a partner, a reward and one hot moment ("event" trigger on order.completed, no where) whose budget pays
 * exactly {@code awards} actions at 1.00, launches it, then fires {@code events} qualifying events (distinct user and
 * event ids) from {@code clients} platform threads over keep-alive HTTP/1.1 connections. Before that, an optional
 * warm-up on a second moment (event type bench.warmup) lets the JIT see the whole award path. With {@code --batch N}
 * (N > 1) each client sends its events N at a time to {@code POST /v1/events/batch}; every event of a batch gets the
 * batch's latency. With {@code --engagement N}, N point rules and N badges listen to order.completed too, so each
 * hot event also earns N point entries and N badges. Prints figures and,
 * for run.sh, lines {@code RESULT key=value}. Asserts nothing: the caller decides what is a failure. Every answer but
 * 200 counts as an error, a 429 of the per-key rate limit too: start the service with a high
 * {@code MOMENTS_RATE_LIMIT_PER_KEY} (run.sh does), since all the load comes from one key.
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String url = required(opt, "url");
        String admin = required(opt, "admin");
        int awards = Integer.parseInt(opt.getOrDefault("awards", "2000"));
        int events = Integer.parseInt(opt.getOrDefault("events", String.valueOf(3 * awards)));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "32"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1000"));
        long deadlineS = Long.parseLong(opt.getOrDefault("deadline-s", "120"));
        long appPid = Long.parseLong(opt.getOrDefault("app-pid", "0"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "1"));
        int engagement = Integer.parseInt(opt.getOrDefault("engagement", "0"));
        String run = Long.toString(System.currentTimeMillis(), 36);

        ExecutorService clientPool = Executors.newFixedThreadPool(clients, daemon("http"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientPool)
                .build();
        Api api = new Api(http, url);

        // Setup: partner, reward, hot moment, warm-up moment.
        String partner = api.call("POST", "/admin/v1/partners", admin,
                "{\"name\":\"bench-" + run + "\",\"currency\":\"USD\"}", 201, 200);
        String key = field(partner, "apiKey");
        String reward = field(api.call("POST", "/v1/rewards", key,
                "{\"name\":\"$1 credit\",\"kind\":\"CREDIT\",\"cost\":\"1.00\",\"currency\":\"USD\","
                        + "\"fulfillment\":{\"provider\":\"sandbox\"}}", 201, 200), "id");
        String hot = createMoment(api, key, reward, "bench hot moment", "order.completed", awards);
        System.out.printf("run %s: partner %s, hot moment %s, budget %d.00 at 1.00 per award%n",
                run, field(partner, "id"), hot, awards);
        // Points and badges beside the moment: every hot event earns by each rule and completes each badge.
        for (int i = 0; i < engagement; i++) {
            api.call("POST", "/v1/point-rules", key, "{\"name\":\"bench rule " + i + "\",\"event\":\"order.completed\","
                    + "\"points\":10}", 201, 200);
            api.call("POST", "/v1/badges", key, "{\"name\":\"bench badge " + i + "\",\"trigger\":{\"kind\":\"event\","
                    + "\"event\":\"order.completed\"}}", 201, 200);
        }
        if (engagement > 0) {
            System.out.printf("engagement: %d point rules and %d badges on order.completed%n", engagement,
                    engagement);
        }

        if (warmup > 0) {
            // A quarter of the warm-up events is awarded: the JIT sees both the award and the refusal path.
            int warmAwards = Math.max(1, warmup / 4);
            String warm = createMoment(api, key, reward, "bench warm-up", "bench.warmup", warmAwards);
            Phase w = new Phase(api, key, warm, "bench.warmup", "w-" + run, warmup, warmAwards,
                    clients, deadlineS, batch);
            w.run();
            System.out.printf("warm-up: %d events on a separate moment in %.1f s (%d errors)%n",
                    w.sent.get(), w.elapsedNanos() / 1e9, w.errors.get());
        }

        Phase p = new Phase(api, key, hot, "order.completed", "e-" + run, events, awards, clients, deadlineS, batch);
        Cpu before = Cpu.now(appPid);
        p.run();
        Cpu cpu = Cpu.now(appPid).minus(before);

        // The service's own view of the budget after the run.
        String moment = api.call("GET", "/v1/moments/" + hot, key, null, 200);
        String state = section(moment, "budgetState");
        String reserved = field(state, "reserved");
        String remaining = field(state, "remaining");
        String status = field(moment, "status");

        long n = p.sent.get();
        double totalS = p.elapsedNanos() / 1e9;
        long awarded = p.awarded.get();
        long tB = p.budgetGoneAt.get();
        double awardWindowS = (tB > 0 ? tB - p.start : p.end - p.start) / 1e9;
        double awardsPerS = (tB > 0 ? awards : awarded) / awardWindowS;
        long[] all = Arrays.copyOf(p.latency, (int) n);
        Arrays.sort(all);
        long[] awardPhase = p.latenciesBefore(tB > 0 ? tB : Long.MAX_VALUE);
        Arrays.sort(awardPhase);
        long overspend = Math.max(0, awarded - awards);

        System.out.printf("sent %d events in %.2f s (%d clients): %d awards reported, %d errors, %d other%n",
                n, totalS, clients, awarded, p.errors.get(), p.otherAwards.get());
        System.out.printf("budget ran out after %.2f s%s%n", awardWindowS, tB > 0 ? "" : " (never: budget not spent)");
        System.out.printf("service says: status %s, reserved %s, remaining %s%n", status, reserved, remaining);
        if (cpu.machine > 0) {
            System.out.printf("CPU during the measured phase (core-seconds of %d cores over %.1f s): service %.1f,"
                            + " postgres %.1f, load generator %.1f, anything else %.1f, idle %.1f%n",
                    Runtime.getRuntime().availableProcessors(), totalS, cpu.app, cpu.postgres, cpu.self,
                    Math.max(0, cpu.busy - cpu.app - cpu.postgres - cpu.self), cpu.machine - cpu.busy);
            System.out.printf("RESULT cpu_ms_per_request=service %.2f, postgres %.2f, load generator %.2f%n",
                    cpu.app * 1000 / n, cpu.postgres * 1000 / n, cpu.self * 1000 / n);
            System.out.printf("RESULT cpu_share=service %.0f%%, postgres %.0f%%, load generator %.0f%%, other %.0f%%,"
                            + " idle %.0f%%%n", 100 * cpu.app / cpu.machine, 100 * cpu.postgres / cpu.machine,
                    100 * cpu.self / cpu.machine,
                    100 * Math.max(0, cpu.busy - cpu.app - cpu.postgres - cpu.self) / cpu.machine,
                    100 * (cpu.machine - cpu.busy) / cpu.machine);
        }
        if (p.firstError.get() != null) {
            System.out.println("first error: " + p.firstError.get());
        }
        System.out.println("RESULT run=" + run);
        System.out.println("RESULT moment=" + hot);
        System.out.println("RESULT budget_awards=" + awards);
        System.out.println("RESULT events=" + n);
        System.out.println("RESULT clients=" + clients);
        System.out.println("RESULT batch=" + batch);
        System.out.println("RESULT errors=" + p.errors.get());
        System.out.println("RESULT awards_reported=" + awarded);
        System.out.printf("RESULT award_window_s=%.3f%n", awardWindowS);
        System.out.printf("RESULT awards_per_s=%.1f%n", awardsPerS);
        System.out.printf("RESULT requests_per_s=%.1f%n", n / totalS);
        System.out.printf("RESULT p50_ms=%.2f%n", percentile(all, 50));
        System.out.printf("RESULT p99_ms=%.2f%n", percentile(all, 99));
        System.out.printf("RESULT award_phase_p50_ms=%.2f%n", percentile(awardPhase, 50));
        System.out.printf("RESULT award_phase_p99_ms=%.2f%n", percentile(awardPhase, 99));
        System.out.println("RESULT overspend_reported=" + overspend);
        System.out.println("RESULT reserved=" + reserved);
        System.out.println("RESULT remaining=" + remaining);
        System.out.println("RESULT status=" + status);
        clientPool.shutdownNow();
    }

    /** One bounded burst of events from {@code clients} threads. */
    static final class Phase {
        final Api api;
        final String key;
        final String momentId;
        final String type;
        final String prefix;
        final int events;
        final int budgetAwards;
        final int clients;
        final long deadlineNanos;
        final int batch;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong awarded = new AtomicLong();
        final AtomicLong otherAwards = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong budgetGoneAt = new AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> firstError =
                new java.util.concurrent.atomic.AtomicReference<>();
        final long[] latency;
        final long[] finishedAt;
        final String marker;
        long start;
        long end;

        Phase(Api api, String key, String momentId, String type, String prefix, int events, int budgetAwards,
              int clients, long deadlineS, int batch) {
            this.api = api;
            this.key = key;
            this.momentId = momentId;
            this.type = type;
            this.prefix = prefix;
            this.events = events;
            this.budgetAwards = budgetAwards;
            this.clients = clients;
            this.deadlineNanos = TimeUnit.SECONDS.toNanos(deadlineS);
            this.batch = Math.max(1, batch);
            this.latency = new long[events];
            this.finishedAt = new long[events];
            this.marker = "\"momentId\":\"" + momentId + "\"";
        }

        void run() throws InterruptedException {
            Thread[] threads = new Thread[clients];
            start = System.nanoTime();
            for (int t = 0; t < clients; t++) {
                threads[t] = new Thread(this::work, "client-" + t);
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join(deadlineNanos / 1_000_000 + 60_000);
            }
            end = System.nanoTime();
        }

        long elapsedNanos() {
            return end - start;
        }

        void work() {
            int first;
            while ((first = next.getAndAdd(batch)) < events) {
                int last = Math.min(events, first + batch);
                long t0 = System.nanoTime();
                if (t0 - start > deadlineNanos) {
                    break;
                }
                StringBuilder body = new StringBuilder(batch == 1 ? "" : "{\"events\":[");
                for (int i = first; i < last; i++) {
                    if (i > first) {
                        body.append(',');
                    }
                    body.append("{\"id\":\"").append(prefix).append('-').append(i).append("\",\"type\":\"")
                            .append(type).append("\",\"userId\":\"u-").append(prefix).append('-').append(i)
                            .append("\",\"properties\":{\"total\":42.5}}");
                }
                if (batch > 1) {
                    body.append("]}");
                }
                int n = last - first;
                try {
                    HttpResponse<String> r = api.send("POST", batch == 1 ? "/v1/events" : "/v1/events/batch", key,
                            body.toString());
                    long t1 = System.nanoTime();
                    finish(first, last, t0, t1);
                    if (r.statusCode() != 200) {
                        errors.addAndGet(n);
                        firstError.compareAndSet(null, r.statusCode() + " " + r.body());
                        continue;
                    }
                    int problems = count(r.body(), "\"status\":4") + count(r.body(), "\"status\":5");
                    if (problems > 0) {
                        errors.addAndGet(problems);
                        firstError.compareAndSet(null, r.body());
                    }
                    int[] counts = countAwards(r.body());
                    otherAwards.addAndGet(counts[1]);
                    if (counts[0] > 0 && awarded.addAndGet(counts[0]) >= budgetAwards) {
                        budgetGoneAt.compareAndSet(0, t1);
                    }
                } catch (Exception e) {
                    finish(first, last, t0, System.nanoTime());
                    errors.addAndGet(n);
                    firstError.compareAndSet(null, e.toString());
                }
            }
        }

        private void finish(int first, int last, long t0, long t1) {
            for (int i = first; i < last; i++) {
                latency[i] = t1 - t0;
                finishedAt[i] = t1;
            }
            sent.addAndGet(last - first);
        }

        static int count(String text, String needle) {
            int n = 0;
            for (int k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + 1)) {
                n++;
            }
            return n;
        }

        /** Awards in the event results of an answer (one result, or a batch's): [for this moment, for any other]. */
        int[] countAwards(String json) {
            int mine = 0;
            int any = 0;
            for (int from = json.indexOf("\"awards\":["); from >= 0; from = json.indexOf("\"awards\":[", from)) {
                from += 10;
                int to = json.indexOf(']', from); // an earned award holds no array
                for (int k = json.indexOf("\"momentId\":\"", from); k >= 0 && k < to;
                     k = json.indexOf("\"momentId\":\"", k + 1)) {
                    any++;
                    if (json.startsWith(marker, k)) {
                        mine++;
                    }
                }
            }
            return new int[] {mine, any - mine};
        }

        long[] latenciesBefore(long until) {
            int n = (int) Math.min(sent.get(), events);
            long[] out = new long[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (finishedAt[i] != 0 && finishedAt[i] <= until) {
                    out[m++] = latency[i];
                }
            }
            return Arrays.copyOf(out, m);
        }
    }

    /**
     * CPU seconds from /proc (Linux; zeros elsewhere): the service's process, every process named postgres, this
     * process, and the whole machine (busy and total, all cores). Assumes USER_HZ = 100, the Linux default.
     */
    static final class Cpu {
        static final double HZ = 100.0;
        final double app;
        final double postgres;
        final double self;
        final double busy;
        final double machine;

        Cpu(double app, double postgres, double self, double busy, double machine) {
            this.app = app;
            this.postgres = postgres;
            this.self = self;
            this.busy = busy;
            this.machine = machine;
        }

        static Cpu now(long appPid) {
            try {
                double app = appPid > 0 ? ticks(appPid) : 0;
                double pg = 0;
                java.io.File[] procs = new java.io.File("/proc").listFiles();
                for (java.io.File f : procs == null ? new java.io.File[0] : procs) {
                    String name = f.getName();
                    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                        try {
                            String stat = java.nio.file.Files.readString(f.toPath().resolve("stat"));
                            if (stat.contains("(postgres)")) {
                                pg += ticks(stat);
                            }
                        } catch (Exception gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                double self = ticks(ProcessHandle.current().pid());
                String[] all = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0)
                        .trim().split("\\s+");
                double total = 0;
                for (int i = 1; i < Math.min(all.length, 9); i++) {
                    total += Double.parseDouble(all[i]);
                }
                double idle = Double.parseDouble(all[4]) + Double.parseDouble(all[5]);
                return new Cpu(app / HZ, pg / HZ, self / HZ, (total - idle) / HZ, total / HZ);
            } catch (Exception e) {
                return new Cpu(0, 0, 0, 0, 0);
            }
        }

        static double ticks(long pid) throws Exception {
            return ticks(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat")));
        }

        /** utime + stime of one /proc/PID/stat line (fields 14 and 15, counted after the command's ")"). */
        static double ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
        }

        Cpu minus(Cpu o) {
            return new Cpu(app - o.app, postgres - o.postgres, self - o.self, busy - o.busy, machine - o.machine);
        }
    }

    /** The few HTTP calls, JSON in and out as strings. */
    static final class Api {
        final HttpClient http;
        final String base;

        Api(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String call(String method, String path, String token, String body, int... ok) throws Exception {
            HttpResponse<String> r = send(method, path, token, body);
            for (int s : ok) {
                if (r.statusCode() == s) {
                    return r.body();
                }
            }
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
    }

    static String createMoment(Api api, String key, String reward, String name, String event, int awards)
            throws Exception {
        String id = field(api.call("POST", "/v1/moments", key,
                "{\"name\":\"" + name + "\",\"trigger\":{\"kind\":\"event\",\"event\":\"" + event + "\"},"
                        + "\"budget\":{\"currency\":\"USD\",\"total\":\"" + awards + ".00\",\"costPerAction\":\"1.00\"},"
                        + "\"rewards\":[\"" + reward + "\"],\"messages\":{\"announcement\":\"You earned a reward!\"}}",
                201, 200), "id");
        api.call("POST", "/v1/moments/" + id + "/launch", key, null, 200, 201);
        return id;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    /** The first string value of a top-level-ish field; enough for the flat answers used here. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    /** The object value of a field, up to its first closing brace (the budget state holds no nested object). */
    static String section(String json, String name) {
        int k = json.indexOf("\"" + name + "\"");
        if (k < 0) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return json.substring(k, json.indexOf('}', k) + 1);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
