package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every operation of the service's own OpenAPI document (and every JAX-RS resource method the document hides)
 * with schema-built requests that are then made hostile, and holds the answers to the contract: never a 5xx, and
 * every 4xx an RFC 9457 problem whose {@code status} is the HTTP status.
 *
 * <p>Requests come from one fixed seed (per operation, so a new operation does not change the others' requests) and
 * are sent byte for byte as generated ({@link RawHttp}); only the ids of the fixtures, chosen by the server, differ
 * from one run to the next. Every breach is collected, the run goes on, and the failure lists them all.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final long SEED = 0x5EED_2026_1125L;
    /** Requests per operation: one valid-looking, then each kind of mutation this many times (a quarter add one). */
    private static final int ROUNDS = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    // ---- hostile values -------------------------------------------------------------------------------------------

    private static final List<String> HOSTILE_STRINGS = List.of(
            "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\u0001\u0002\u001b[31m\u007f", "\r\n\t",
            "x".repeat(10_001), "\uD83C\uDF81".repeat(5_001),
            "\u202Egnp.exe\u202C \u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD \uD83C\uDF89",
            "\"<script>alert(1)</script>", "'; DROP TABLE awards; --", "' OR '1'='1", "%00", "%ED%A0%80",
            "../../etc/passwd", "", " ", "\uFEFF", "\u200B", "null", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}",
            "e\u0301".repeat(2_000), "\\", "\\u0000", "NaN");

    private static final List<Object> WRONG_TYPES = List.of(
            42, -1, 0, true, false, new Raw("null"), new Raw("{}"), new Raw("[]"), new Raw("[\"a\"]"),
            new Raw("{\"a\":1}"), "42", "true", new Raw("1e309"), new Raw("-1e309"), new Raw("1e-400"), new Raw("-0"),
            new Raw("1.5"), new Raw("1234567890123456789012345678901234567890"));

    private static final List<Object> NUMBER_EDGES = List.of(
            new Raw("1e309"), new Raw("-1e309"), new Raw("1e-400"), new Raw("-0"), new Raw("-0.0"), new Raw("1.5"),
            new Raw("1234567890123456789012345678901234567890"), new Raw("-9223372036854775809"),
            new Raw("2147483648"), new Raw("-2147483649"), new Raw("0.1e1"), new Raw("1E+2"), new Raw("-1"),
            new Raw("0"), "1e309", "-0", "-0.00", "0.001", "1.5", "NaN", "Infinity", "-1.00",
            "99999999999999999999999999999999999999.99", "1,00", " 10.00 ", "\u0661\u0660", "0x10", "10.00\u0000");

    // ---- state of one run -----------------------------------------------------------------------------------------

    @TestHTTPResource("/")
    URL base;

    private JsonNode doc;
    private Random random;
    /** Fresh names (event ids, keys, codes) of the request being built: its seed and a counter, unique per request. */
    private String fresh;
    private int serial;
    /** Whether the body being generated has every property of its schema, or a random part of the optional ones. */
    private boolean complete;
    private String apiKey;
    /** Real values the fixtures created, by kind ("moment", "reward", "award", "token", "user", ...). */
    private final Map<String, List<String>> pools = new LinkedHashMap<>();
    /** The body of each fixture request that succeeded, by operation ("POST /v1/events"): seeds for the fuzzing. */
    private final Map<String, Object> seeds = new HashMap<>();

    private final List<Map.Entry<String, Consumer<Request>>> mutations = List.of(
            Map.entry("path: a real id of another kind", this::pathOtherKind),
            Map.entry("path: a random well-formed id", this::pathLookalike),
            Map.entry("path: NUL", r -> pathParam(r, "NUL", real -> List.of("%00", "a%00b", real + "%00",
                    "%00" + real))),
            Map.entry("path: overlong UTF-8", r -> pathParam(r, "overlong UTF-8", real -> List.of("%C0%80",
                    "%C0%AE%C0%AE", "%E0%80%80", real + "%C0%80", "%F8%88%80%80%80"))),
            Map.entry("path: encoded lone surrogate", r -> pathParam(r, "encoded lone surrogate",
                    real -> List.of("%ED%A0%80", "x%ED%B0%80y", "%ED%A0%BD%ED%B8%80", real + "%ED%A0%80"))),
            Map.entry("path: 1,000 characters", r -> pathParam(r, "1,000 characters",
                    real -> List.of("x".repeat(1_000), real + "0".repeat(1_000)))),
            Map.entry("path: dots and separators", r -> pathParam(r, "dots and separators",
                    real -> List.of("..", ".", "%2e%2e", "%2E", "..%2F..%2Fq%2Fopenapi", "%2F", real + ";a=b",
                            "%5C", "%25", "%2525"))),
            Map.entry("path: unicode and bad escapes", r -> pathParam(r, "unicode and bad escapes",
                    real -> List.of("%E2%80%AE" + real, "%F0%9F%8E%81", "%D8%B1%D9%85%D8%B2", "%20", "%09", "%",
                            "%zz", "+", "~", "\u00e9"))),
            Map.entry("query: NUL", r -> queryParam(r, "NUL", real -> List.of("%00", "a%00b", real + "%00",
                    "%00" + real))),
            Map.entry("query: bad encodings", r -> queryParam(r, "bad encodings", real -> List.of("%ED%A0%80",
                    "%C0%80", real + "%ED%A0%80", "%zz", "%", "%E2%80%AE%F0%9F%8E%81", "\u00e9"))),
            Map.entry("query: out of range or of the wrong type", this::queryOutOfRange),
            Map.entry("query: repeated parameters", this::queryRepeated),
            Map.entry("header: Authorization", this::authorization),
            Map.entry("header: Content-Type", this::contentType),
            Map.entry("body: more than 1,000 form fields", this::formFields),
            Map.entry("header: Idempotency-Key", this::idempotencyKey),
            Map.entry("header: Accept", this::accept),
            Map.entry("body: hostile string", this::hostileString),
            Map.entry("body: wrong JSON type", r -> replaceSomewhere(r, "wrong JSON type", pick(WRONG_TYPES))),
            Map.entry("body: number edge", this::numberEdge),
            Map.entry("body: null or missing", this::nullOrMissing),
            Map.entry("body: duplicate key", this::duplicateKey),
            Map.entry("body: deep nesting", this::deepNesting),
            Map.entry("body: long or many keys", this::longOrManyKeys),
            Map.entry("body: big array", this::bigArray),
            Map.entry("body: unknown field", this::unknownField),
            Map.entry("raw: trailing garbage", this::trailingGarbage),
            Map.entry("raw: truncated", this::truncated),
            Map.entry("raw: not JSON", this::notJson),
            Map.entry("raw: top-level deep nesting", this::topLevelNesting),
            Map.entry("raw: invalid UTF-8", this::invalidUtf8),
            Map.entry("raw: lax syntax", this::laxSyntax));

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndNeverWithAServerError() throws Exception {
        long started = System.nanoTime();
        doc = MAPPER.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = documentedOperations();
        assertThat(operations).as("operations of the OpenAPI document").isNotEmpty();
        operations.addAll(hiddenOperations(operations));
        createFixtures();

        RawHttp http = new RawHttp(base.getHost(), base.getPort());
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byOperation = new LinkedHashMap<>();
        List<String> breaches = new ArrayList<>();
        Map<String, Kind> kinds = new TreeMap<>();
        int sent = 0;
        int shrinking = 0;
        for (Operation op : operations) {
            // one generator per operation, so that a new operation leaves the requests of the others as they were
            Random plan = new Random(SEED ^ op.key().hashCode());
            for (int i = 0; i < 1 + ROUNDS * mutations.size(); i++) {
                long seed = plan.nextLong();
                List<Integer> chosen = new ArrayList<>();
                if (i > 0) {
                    chosen.add((i - 1) % mutations.size());
                    if (plan.nextInt(4) == 0) {
                        chosen.add(plan.nextInt(mutations.size()));
                    }
                }
                Exchange exchange = exchange(http, build(op, seed, chosen));
                sent++;
                int status = exchange.answer().status();
                byStatus.merge(status, 1, Integer::sum);
                byOperation.computeIfAbsent(op.key(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                String breach = breach(exchange.request(), exchange.answer());
                if (breach == null) {
                    continue;
                }
                // shrinking: when one of two mutations alone breaks the contract the same way, report that one
                for (int k = 0; chosen.size() > 1 && k < chosen.size(); k++) {
                    Exchange alone = exchange(http, build(op, seed, List.of(chosen.get(k))));
                    shrinking++;
                    if (breach.equals(breach(alone.request(), alone.answer()))
                            && problemType(alone.answer()).equals(problemType(exchange.answer()))) {
                        exchange = alone;
                        break;
                    }
                }
                String line = describe(exchange, breach);
                breaches.add(line);
                Request request = exchange.request();
                kinds.computeIfAbsent(String.join(" + ", request.categories) + " -> " + breach + " "
                        + problemType(exchange.answer()), k -> new Kind(new LinkedHashSet<>(), new ArrayList<>()))
                        .add(op, line);
            }
        }

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        StringBuilder report = new StringBuilder("\n==== OpenApiFuzzTest: seed ").append(Long.toHexString(SEED))
                .append(", ").append(operations.size()).append(" operations (")
                .append(operations.stream().filter(o -> !o.documented()).count()).append(" hidden from the document), ")
                .append(sent).append(" requests (and ").append(shrinking).append(" re-sent to shrink breaches) in ")
                .append(seconds).append(" s ====\n")
                .append("by status: ").append(byStatus).append('\n').append("by operation:\n");
        byOperation.forEach((op, statuses) -> report.append(String.format("  %-52s %s%n", op, statuses)));
        StringBuilder summary = new StringBuilder();
        kinds.forEach((kind, found) -> summary.append("  [").append(found.lines().size()).append("x on ")
                .append(found.operations().size()).append(" operations] ").append(kind).append("\n    operations: ")
                .append(String.join(", ", found.operations())).append("\n    e.g. ")
                .append(found.lines().get(0).replace("\n", "\n    ")).append('\n'));
        report.append("contract breaches: ").append(breaches.size()).append(" requests, ").append(kinds.size())
                .append(" distinct kinds\n").append(summary).append("====");
        System.out.println(report);

        if (!breaches.isEmpty()) {
            fail(breaches.size() + " of " + sent + " requests broke the contract, " + kinds.size()
                    + " distinct kinds:\n" + summary + "every breach:\n" + String.join("\n", breaches));
        }
    }

    /** One kind of breach: the operations it was found on and a line per request. */
    private record Kind(Set<String> operations, List<String> lines) {

        void add(Operation op, String line) {
            operations.add(op.key());
            lines.add(line);
        }
    }

    /** A request as sent (with its body's bytes) and the answer. */
    private record Exchange(Request request, byte[] body, RawHttp.Answer answer) {
    }

    private static Exchange exchange(RawHttp http, Request request) {
        byte[] body = request.bytes();
        return new Exchange(request, body, http.send(request.op.method(), request.target(), request.headers, body));
    }

    /**
     * The request of an operation for one seed and these mutations. The baseline draws from the seed, each mutation
     * from a generator of its own, so that a mutation makes the same choices whether or not another one ran.
     */
    private Request build(Operation op, long seed, List<Integer> chosen) {
        random = new Random(seed);
        fresh = Long.toUnsignedString(seed, 36) + "-";
        serial = 0;
        Request request = baseline(op);
        for (int index : chosen) {
            random = new Random(seed + 1 + index);
            mutate(request, mutations.get(index));
        }
        return request;
    }

    // ---- the operations -------------------------------------------------------------------------------------------

    /** One operation: a method on a path template, its parameters, its body's media types and schema. */
    private record Operation(String method, String template, List<Param> params, List<String> mediaTypes,
                             JsonNode bodySchema, boolean documented) {

        String key() {
            return method + " " + template;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        boolean hasBody() {
            return !mediaTypes.isEmpty();
        }
    }

    /** A parameter of an operation: where it goes (path, query, header) and its schema. */
    private record Param(String name, String in, JsonNode schema, boolean required) {
    }

    private List<Operation> documentedOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            JsonNode item = resolve(path.getValue());
            for (Map.Entry<String, JsonNode> entry : item.properties()) {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                Map<String, Param> params = new LinkedHashMap<>();
                for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode param = resolve(p);
                        params.put(param.path("in").asText() + " " + param.path("name").asText(),
                                new Param(param.path("name").asText(), param.path("in").asText(),
                                        param.path("schema"), param.path("required").asBoolean(false)));
                    }
                }
                JsonNode content = resolve(operation.path("requestBody")).path("content");
                List<String> mediaTypes = new ArrayList<>();
                content.fieldNames().forEachRemaining(mediaTypes::add);
                JsonNode schema = mediaTypes.isEmpty() ? null : content.path(mediaTypes.get(0)).path("schema");
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(params.values()), mediaTypes, schema, true));
            }
        }
        operations.sort((a, b) -> a.key().compareTo(b.key()));
        return operations;
    }

    /**
     * The resource methods the document leaves out ({@code @Operation(hidden = true)}: the HTML redemption page), found
     * by reflection on the application's JAX-RS beans, with their parameters and form fields. Only the no-5xx rule
     * holds them: docs/api.md makes the redemption page HTML, so its refusals are pages, not problems.
     */
    private List<Operation> hiddenOperations(List<Operation> documented) {
        Set<String> known = new HashSet<>();
        documented.forEach(op -> known.add(op.key()));
        Map<String, Operation> hidden = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                        .filter(m -> m != null).map(HttpMethod::value).findFirst().orElse(null);
                if (http == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = template(classPath.value(), methodPath == null ? "" : methodPath.value());
                if (known.contains(http + " " + template)) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                ObjectNode form = MAPPER.createObjectNode().put("type", "object");
                for (Parameter parameter : method.getParameters()) {
                    String in = null;
                    String name = null;
                    for (Annotation a : parameter.getAnnotations()) {
                        if (a instanceof PathParam p) {
                            in = "path";
                            name = p.value();
                        } else if (a instanceof RestPath p) {
                            in = "path";
                            name = p.value();
                        } else if (a instanceof QueryParam p) {
                            in = "query";
                            name = p.value();
                        } else if (a instanceof RestQuery p) {
                            in = "query";
                            name = p.value();
                        } else if (a instanceof HeaderParam p) {
                            in = "header";
                            name = p.value();
                        } else if (a instanceof RestHeader p) {
                            in = "header";
                            name = p.value();
                        } else if (a instanceof FormParam p) {
                            in = "form";
                            name = p.value();
                        } else if (a instanceof RestForm p) {
                            in = "form";
                            name = p.value();
                        }
                    }
                    if (in == null) {
                        continue;
                    }
                    name = name == null || name.isEmpty() ? parameter.getName() : name;
                    if (in.equals("form")) {
                        form.withObject("properties").putObject(name).put("type", "string");
                    } else {
                        params.add(new Param(name, in, MAPPER.createObjectNode().put("type", "string"),
                                in.equals("path")));
                    }
                }
                Matcher unnamed = Pattern.compile("\\{(\\w+)}").matcher(template);
                while (unnamed.find()) {
                    String name = unnamed.group(1);
                    if (params.stream().noneMatch(p -> p.in().equals("path") && p.name().equals(name))) {
                        params.add(new Param(name, "path", MAPPER.createObjectNode().put("type", "string"), true));
                    }
                }
                Consumes consumes = method.getAnnotation(Consumes.class) != null
                        ? method.getAnnotation(Consumes.class) : type.getAnnotation(Consumes.class);
                List<String> mediaTypes = consumes != null ? List.of(consumes.value())
                        : form.has("properties") ? List.of("application/x-www-form-urlencoded") : List.of();
                hidden.put(http + " " + template, new Operation(http, template, params, mediaTypes,
                        mediaTypes.isEmpty() ? null : form, false));
            }
        }
        return new ArrayList<>(hidden.values());
    }

    private static String template(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/")
                .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    /**
     * A partner with its API key, a second partner for the admin operations to change (a cap or a revoked key there
     * cannot change what the partner operations reach), rewards of the sandbox, codes and webhook providers, moments
     * in DRAFT, LIVE and TEST, and real awards with their redemption tokens, one of them claimed.
     */
    private void createFixtures() {
        String admin = Api.ADMIN_TOKEN;
        apiKey = fixture("POST", "/admin/v1/partners", Map.of(), map("name", "Fuzz Shop", "currency", "USD"), admin)
                .getString("apiKey");
        String target = fixture("POST", "/admin/v1/partners", Map.of(),
                map("name", "Fuzz Admin Target", "currency", "USD", "monthlyCap", "2000.00"), admin).getString("id");
        pool("partner", target);
        pool("key", fixture("POST", "/admin/v1/partners/{id}/keys", Map.of("id", target), null, admin)
                .getString("id"));
        fixture("PATCH", "/admin/v1/partners/{id}", Map.of("id", target), map("monthlyCap", "1500.00"), admin);

        String credit = reward("CREDIT", "5.00", "sandbox");
        String codes = reward("DIGITAL_CODE", "4.00", "codes");
        String coupon = reward("COUPON", "3.00", "webhook");
        List<Object> codeList = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            codeList.add("FZ-CODE-" + i);
        }
        fixture("POST", "/v1/rewards/{id}/codes", Map.of("id", codes), map("codes", codeList), apiKey);
        pool("reward", credit, codes, coupon);

        Map<String, Object> spend = map("kind", "event", "event", "order.completed", "where", "event.total >= 25");
        String draft = moment(spend, credit, codes);
        String live = launch(moment(spend, credit, codes), "launch");
        String direct = launch(moment(map("kind", "direct"), credit, coupon), "launch");
        String testing = launch(moment(spend, credit), "test");
        pool("moment", draft, live, direct, testing);
        fixture("PATCH", "/v1/moments/{id}", Map.of("id", draft), map("name", "Renamed draft"), apiKey);
        fixture("POST", "/v1/moments/{id}/budget/top-up", Map.of("id", live), map("amount", "50.00"), apiKey);

        for (int u = 1; u <= 2; u++) {
            JsonPath earned = fixture("POST", "/v1/events", Map.of(), event("evt-fz-" + u, "u-fz-" + u), apiKey);
            award(earned.getString("awards[0].id"), earned.getString("awards[0].redeemUrl"));
        }
        JsonPath directAward = fixture("POST", "/v1/moments/{id}/awards", Map.of("id", direct),
                map("userId", "u-fz-3", "deviceId", "d-fz-3", "context", map("country", "US", "platform", "ios")),
                apiKey);
        String claimed = award(directAward.getString("id"), directAward.getString("redeemUrl"));
        pool("user", "u-fz-1", "u-fz-2", "u-fz-3");
        fixture("POST", "/v1/moments/{id}/awards/preview", Map.of("id", direct), map("userId", "u-fz-4"), apiKey);
        fixture("POST", "/api/redeem/{token}/claim", Map.of("token", claimed),
                map("rewardId", coupon, "email", "ada@example.com"), null);
        fixture("POST", "/v1/events/batch", Map.of(),
                map("events", List.of(event("evt-fz-b1", "u-fz-5"), event("evt-fz-b2", "u-fz-6"))), apiKey);
        // the cursor of a real page: what "after" takes
        pool("after", given().auth().oauth2(apiKey).get("/v1/moments?limit=1").then().statusCode(200)
                .extract().<String>path("next"));
    }

    private String reward(String kind, String cost, String provider) {
        return fixture("POST", "/v1/rewards", Map.of(), map("name", kind + " via " + provider, "kind", kind,
                "cost", cost, "currency", "USD", "countries", List.of("US", "CA"),
                "fulfillment", map("provider", provider), "description", "A fuzzing reward",
                "imageUrl", "https://img.example.com/reward.png"), apiKey).getString("id");
    }

    private String moment(Map<String, Object> trigger, String... rewards) {
        Map<String, Object> body = map("name", "Fuzz " + trigger.get("kind"), "trigger", trigger,
                "audience", map("countries", List.of("US"), "platforms", List.of("ios", "web")),
                "schedule", map("startsAt", Api.STARTS_AT, "timezone", "UTC"),
                "budget", map("currency", "USD", "total", "100000.00", "dailyCap", "50000.00",
                        "costPerAction", "10.00"),
                "rewards", List.of((Object[]) rewards),
                "limits", map("perUser", 1000, "cooldown", "PT0S", "redeemAfter", "PT0S", "claimWithin", "P30D"),
                "holdoutPercent", 0,
                "messages", map("announcement", "You earned a reward!", "confirmation", "On its way."));
        return fixture("POST", "/v1/moments", Map.of(), body, apiKey).getString("id");
    }

    private String launch(String moment, String transition) {
        fixture("POST", "/v1/moments/{id}/" + transition, Map.of("id", moment), null, apiKey);
        return moment;
    }

    private static Map<String, Object> event(String id, String userId) {
        return map("id", id, "type", "order.completed", "userId", userId, "deviceId", "d-" + userId,
                "properties", map("total", 42.5, "order_number", 1),
                "context", map("country", "US", "platform", "ios", "ip", "203.0.113.7", "testUser", false),
                "user", map("plan", "free", "segments", List.of("first_time_buyers")));
    }

    /** Pools an award and the token of its link (the last segment of its redeemUrl); returns the token. */
    private String award(String id, String redeemUrl) {
        assertThat(id).as("an award of the fixtures").isNotNull();
        String token = redeemUrl.substring(redeemUrl.lastIndexOf('/') + 1);
        pool("award", id);
        pool("token", token);
        return token;
    }

    private JsonPath fixture(String method, String template, Map<String, String> path, Object body,
                             String credential) {
        String target = template;
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue());
        }
        RequestSpecification request = given().urlEncodingEnabled(false).accept(ContentType.JSON);
        if (credential != null) {
            request.auth().oauth2(credential);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(Json.write(body));
            seeds.put(method + " " + template, body);
        }
        Response response = request.request(method, target);
        assertThat(response.statusCode()).as("fixture %s %s: %s", method, target, response.asString())
                .isBetween(200, 299);
        return response.jsonPath();
    }

    private void pool(String kind, String... values) {
        Arrays.stream(values).filter(v -> v != null)
                .forEach(v -> pools.computeIfAbsent(kind, k -> new ArrayList<>()).add(v));
    }

    // ---- building a request from the schema -----------------------------------------------------------------------

    /** A request under construction, every part raw as it will go on the wire. */
    private static final class Request {
        final Operation op;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> labels = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        boolean hasBody;
        boolean form;
        Object body;
        UnaryOperator<byte[]> raw = bytes -> bytes;

        Request(Operation op) {
            this.op = op;
        }

        String target() {
            String path = op.template();
            for (Map.Entry<String, String> p : pathValues.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", p.getValue());
            }
            StringBuilder target = new StringBuilder(path);
            for (int i = 0; i < query.size(); i++) {
                target.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
            }
            return target.toString();
        }

        void setQuery(String name, String rawValue) {
            query.removeIf(q -> q[0].equals(name));
            query.add(new String[] {name, rawValue});
        }

        byte[] bytes() {
            return hasBody ? raw.apply((form ? Json.form(body) : Json.write(body)).getBytes(UTF_8)) : null;
        }
    }

    private Request baseline(Operation op) {
        Request r = new Request(op);
        for (Param p : op.params()) {
            switch (p.in()) {
                case "path" -> r.pathValues.put(p.name(), encode(real(p.name(), op.template())));
                case "query" -> {
                    if (p.required() || random.nextBoolean()) {
                        r.setQuery(p.name(), encode(String.valueOf(generate(p.schema(), p.name(), 0))));
                    }
                }
                case "header" -> {
                    if (p.required() || random.nextBoolean()) {
                        r.headers.put(p.name(), String.valueOf(generate(p.schema(), p.name(), 0)));
                    }
                }
                default -> {
                }
            }
        }
        String credential = credential(op.template());
        if (credential != null) {
            r.headers.put("Authorization", "Bearer " + credential);
        }
        r.headers.put("Accept", op.documented() ? "application/json" : "*/*");
        if (op.hasBody()) {
            String mediaType = pick(op.mediaTypes());
            r.headers.put("Content-Type", mediaType);
            r.form = mediaType.startsWith("application/x-www-form-urlencoded");
            r.hasBody = true;
            Object seed = seeds.get(op.key());
            complete = random.nextBoolean();
            r.body = seed != null && random.nextInt(10) < 6 ? freshIds(copy(seed)) : generate(op.bodySchema(), null, 0);
        }
        if (op.method().equals("POST") && random.nextInt(3) == 0) {
            r.headers.put("Idempotency-Key", "fz-key-" + fresh + (++serial));
        }
        return r;
    }

    /** docs/api.md: partner endpoints ({@code /v1/}) take the partner's key, admin endpoints the admin token. */
    private String credential(String template) {
        return template.startsWith("/admin/") ? Api.ADMIN_TOKEN : template.startsWith("/v1/") ? apiKey : null;
    }

    /** A real value for a path parameter: {@code momentId} is a moment, {@code /v1/awards/{id}} an award. */
    private String real(String name, String template) {
        List<String> pool = pools.get(kind(name, template));
        if (pool == null) {
            pool = pools.values().stream().flatMap(List::stream).toList();
        }
        return pick(pool);
    }

    private static String kind(String name, String template) {
        if (name.endsWith("Id") && name.length() > 2) {
            return name.substring(0, name.length() - 2);
        }
        if (name.equals("id") && template.contains("/{id}")) {
            String before = template.substring(0, template.indexOf("{id}") - 1);
            return singular(before.substring(before.lastIndexOf('/') + 1));
        }
        return name;
    }

    private static String singular(String plural) {
        return plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
                : plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /**
     * A valid-looking value of a schema: its enum, else its examples, else its format, else a realistic value for the
     * property's name (a real id from the fixtures where the name says which kind), else one of its type.
     */
    private Object generate(JsonNode schema, String name, int depth) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            Object plausible = plausible(name);
            return plausible != null ? plausible : "fz";
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (ref.endsWith("/JsonNode")) {
                // Jackson's tree type, which the document describes by its getters: it stands for any JSON value
                return pick(List.<Object>of(25.5, 42, "free", true));
            }
            return depth > 6 ? null : generate(resolve(schema), name, depth + 1);
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return MAPPER.convertValue(pick(list(schema.get("enum"))), Object.class);
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return MAPPER.convertValue(pick(list(schema.get("examples"))), Object.class);
        }
        if (schema.has("example")) {
            return MAPPER.convertValue(schema.get("example"), Object.class);
        }
        Object plausible = plausible(name);
        switch (type(schema)) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(n -> required.add(n.asText()));
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    boolean include = required.contains(p.getKey()) || complete && depth <= 5
                            || random.nextInt(10) < (depth <= 3 ? 6 : 3);
                    if (include) {
                        object.put(p.getKey(), generate(p.getValue(), p.getKey(), depth + 1));
                    }
                }
                JsonNode values = schema.path("additionalProperties");
                if (values.isObject()) {
                    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                        String key = pick(List.of("total", "plan", "order_number", "note"));
                        object.put(key, generate(values, key, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                List<Object> array = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    array.add(generate(schema.path("items"), name == null ? null : singular(name), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return plausible instanceof Number ? plausible : 1 + random.nextInt(5);
            }
            case "number" -> {
                return plausible instanceof Number ? plausible : pick(List.<Object>of(3, 25.5, 100));
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            case "string" -> {
                String format = schema.path("format").asText("");
                return switch (format) {
                    case "date-time" -> "2026-11-25T10:00:00Z";
                    case "date" -> "2026-11-25";
                    case "duration" -> pick(List.of("P1D", "PT24H"));
                    default -> plausible != null ? String.valueOf(plausible) : "fz-" + name;
                };
            }
            default -> {
                return plausible != null ? plausible : "fz";
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") || schema.has("additionalProperties") ? "object"
                : schema.has("items") ? "array" : "";
    }

    /** A fuzzing dictionary: realistic values by property name, for the many strings the schema says nothing of. */
    private Object plausible(String name) {
        if (name == null) {
            return null;
        }
        String leaf = name.substring(name.lastIndexOf('.') + 1);
        if (leaf.equals("id")) {
            return "fz-" + fresh + (++serial);
        }
        List<String> pool = pools.get(leaf.endsWith("Id") ? leaf.substring(0, leaf.length() - 2) : leaf);
        if (pool != null) {
            return random.nextInt(5) == 0 ? lookalike(pick(pool)) : pick(pool);
        }
        return switch (leaf) {
            case "currency" -> "USD";
            case "cost", "costPerAction", "amount", "total", "dailyCap", "monthlyCap" ->
                    pick(List.of("5.00", "10.00", "100.00"));
            case "country" -> pick(List.of("US", "CA"));
            case "platform" -> "ios";
            case "event", "type" -> "order.completed";
            case "where" -> "event.total >= 25";
            case "kind" -> pick(List.of("event", "direct", "CREDIT", "DIGITAL_CODE"));
            case "provider" -> pick(List.of("sandbox", "codes"));
            case "timezone" -> "UTC";
            case "email" -> "ada@example.com";
            case "url", "imageUrl" -> "https://img.example.com/reward.png";
            case "status" -> pick(List.of("EARNED", "FULFILLED"));
            case "field" -> "total";
            case "limit" -> pick(List.of(1, 10, 50));
            case "month" -> "2026-11";
            case "code" -> "FZ-" + fresh + (++serial);
            default -> null;
        };
    }

    /** The same shape as a real value (prefix kept, each digit or letter replaced by another): well-formed, unknown. */
    private String lookalike(String real) {
        StringBuilder out = new StringBuilder();
        int prefix = real.indexOf('_');
        for (int i = 0; i < real.length(); i++) {
            char c = real.charAt(i);
            if (i <= prefix) {
                out.append(c);
            } else if (Character.isDigit(c)) {
                out.append((char) ('0' + random.nextInt(10)));
            } else if (c >= 'a' && c <= 'z') {
                out.append("abcdefghjkmnpqrstvwxyz".charAt(random.nextInt(22)));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + random.nextInt(26)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every event id of a seed made new, so a seeded event is recorded rather than replayed. */
    private Object freshIds(Object node) {
        if (node instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            object.replaceAll((k, v) -> k.equals("id") && v instanceof String ? "fz-" + fresh + (++serial)
                    : freshIds(v));
        } else if (node instanceof List<?> list) {
            list.forEach(this::freshIds);
        }
        return node;
    }

    // ---- mutations ------------------------------------------------------------------------------------------------

    private void mutate(Request r, Map.Entry<String, Consumer<Request>> mutation) {
        r.categories.add(mutation.getKey());
        int before = r.labels.size();
        mutation.getValue().accept(r);
        if (r.labels.size() == before) {
            r.labels.add(mutation.getKey());
        }
    }

    private void pathParam(Request r, String what, Function<String, List<String>> values) {
        List<Param> params = r.op.params("path");
        if (params.isEmpty()) {
            // no path parameter to carry it: the value goes into a query parameter of the same operation instead
            r.categories.set(r.categories.size() - 1, "query: " + what);
            queryParam(r, what, values);
            return;
        }
        Param p = pick(params);
        r.pathValues.put(p.name(), pick(values.apply(r.pathValues.get(p.name()))));
        r.labels.add("path: " + what + " in {" + p.name() + "}");
    }

    private void pathOtherKind(Request r) {
        pathParam(r, "a real id of another kind", real -> {
            List<String> others = pools.values().stream().flatMap(List::stream).filter(v -> !v.equals(real))
                    .map(OpenApiFuzzTest::encode).toList();
            return others.isEmpty() ? List.of("x") : others;
        });
    }

    private void pathLookalike(Request r) {
        pathParam(r, "a random well-formed id", real -> List.of(encode(lookalike(real)),
                encode(real.toUpperCase(Locale.ROOT)), "mom_" + "0".repeat(26), "awd_" + "z".repeat(26)));
    }

    private void queryParam(Request r, String what, Function<String, List<String>> values) {
        List<Param> params = r.op.params("query");
        String name = params.isEmpty() ? "x" : pick(params).name();
        List<String> real = pools.get(kind(name, ""));
        String value = pick(values.apply(real == null ? "1" : encode(pick(real))));
        r.setQuery(name, value);
        r.labels.add("query: " + what + " " + name + "=" + shorten(value) + (params.isEmpty() ? " (undeclared)" : ""));
    }

    private void queryOutOfRange(Request r) {
        List<Param> params = r.op.params("query");
        Param param = params.isEmpty() ? null : pick(params);
        queryParam(r, "out of range or of the wrong type", real -> param != null && type(param.schema())
                .equals("boolean") ? List.of("1", "0", "yes", "maybe", "TRUE", "", "on") : outOfRange(real));
    }

    private List<String> outOfRange(String real) {
        return List.of("-1", "0", "501", "abc", "99999999999999999999", "1.5", "", "1e309", "2147483648", "-0",
                "0x10", "x".repeat(1_000), encode(lookalike(real)));
    }

    private void queryRepeated(Request r) {
        List<Param> params = r.op.params("query");
        String name = params.isEmpty() ? "limit" : pick(params).name();
        String hostile = pick(outOfRange("1"));
        r.query.add(new String[] {name, "1"});
        r.query.add(new String[] {name, hostile});
        r.labels.add("query: " + name + " twice (1 and " + shorten(hostile) + ")");
    }

    private void authorization(Request r) {
        String good = credential(r.op.template()) == null ? apiKey : credential(r.op.template());
        String other = good.equals(Api.ADMIN_TOKEN) ? apiKey : Api.ADMIN_TOKEN;
        String value = pick(Arrays.asList(null, "Bearer wrong-key", "Bearer ", "Bearer", "Basic dXNlcjpwYXNz",
                "Bearer " + other, "Bearer " + "k".repeat(1_000), "bearer " + good, "Bearer " + good + "x",
                "Bearer " + good + ", Bearer " + good, "Bearer mk_\u00e9\uD83C\uDF81", "Bearer %00", "Token " + good));
        header(r, "Authorization", value);
    }

    private void contentType(Request r) {
        if (random.nextBoolean()) {
            ensureBody(r);
        }
        header(r, "Content-Type", pick(Arrays.asList(null, "text/plain", "application/xml", "multipart/form-data",
                "multipart/form-data; boundary=zz", "application/json; charset=iso-8859-1",
                "application/json; charset=utf-16", "application/json; charset=nope", "application/merge-patch+json",
                "application/problem+json", ";;;", "*/*", "application/x-www-form-urlencoded", "APPLICATION/JSON",
                "application/json, text/plain")));
    }

    private void formFields(Request r) {
        int fields = 1_001 + random.nextInt(2_000);
        StringBuilder form = new StringBuilder();
        boolean multipart = random.nextInt(3) == 0;
        for (int i = 0; i < fields; i++) {
            if (multipart) {
                form.append("--zz\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\n")
                        .append(i).append("\r\n");
            } else {
                form.append(i == 0 ? "" : "&").append('f').append(i).append('=').append(i);
            }
        }
        if (multipart) {
            form.append("--zz--\r\n");
        }
        r.hasBody = true;
        r.headers.put("Content-Type", multipart ? "multipart/form-data; boundary=zz"
                : "application/x-www-form-urlencoded");
        byte[] bytes = form.toString().getBytes(UTF_8);
        r.raw = ignored -> bytes;
        r.labels.add("body: " + fields + (multipart ? " multipart parts" : " form fields"));
    }

    private void idempotencyKey(Request r) {
        header(r, "Idempotency-Key", pick(List.of("", " ", "k".repeat(1_000), "a\u0001b", "a\tb", "a\u007fb",
                "\u043a\u043b\u044e\u0447-\uD83C\uDF81", "%00")));
    }

    private void accept(Request r) {
        header(r, "Accept", pick(Arrays.asList(null, "text/html", "application/xml", "text/csv", "image/png",
                "*/*;q=0", "garbage", "application/json;q=0, text/plain")));
    }

    private void header(Request r, String name, String value) {
        if (value == null) {
            r.headers.remove(name);
        } else {
            r.headers.put(name, value);
        }
        String shown = value == null ? "(missing)" : printable(masked(value).getBytes(UTF_8), 40);
        r.labels.add("header: " + name + " " + shown);
    }

    // -- structured body mutations

    /** A place in the body tree: a container and a key (object) or an index (array), with its JSON path. */
    private record Slot(Object container, Object key, String path) {

        @SuppressWarnings("unchecked")
        Object get() {
            return container instanceof Map<?, ?> map ? map.get(key) : ((List<Object>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Map<?, ?>) {
                ((Map<String, Object>) container).put((String) key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }

        @SuppressWarnings("unchecked")
        void remove() {
            if (container instanceof Map<?, ?> map) {
                map.remove(key);
            } else {
                ((List<Object>) container).remove((int) (Integer) key);
            }
        }
    }

    private static List<Slot> slots(Object node, String path, List<Slot> out) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                out.add(new Slot(map, key, path + "." + key));
                slots(map.get(key), path + "." + key, out);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Slot(list, i, path + "[" + i + "]"));
                slots(list.get(i), path + "[" + i + "]", out);
            }
        }
        return out;
    }

    private void ensureBody(Request r) {
        if (!r.hasBody) {
            r.hasBody = true;
            r.body = new LinkedHashMap<String, Object>();
            r.headers.putIfAbsent("Content-Type", "application/json");
        }
    }

    /** Slots whose value passes the filter, else every slot. */
    private List<Slot> prefer(Request r, java.util.function.Predicate<Object> filter) {
        List<Slot> all = slots(r.body, "$", new ArrayList<>());
        List<Slot> preferred = all.stream().filter(s -> filter.test(s.get())).toList();
        return preferred.isEmpty() ? all : preferred;
    }

    private void replaceSomewhere(Request r, String what, Object value) {
        ensureBody(r);
        List<Slot> slots = slots(r.body, "$", new ArrayList<>());
        replace(r, slots, what, value);
    }

    private void replace(Request r, List<Slot> slots, String what, Object value) {
        String path;
        if (slots.isEmpty()) {
            r.body = value;
            path = "$";
        } else {
            Slot slot = pick(slots);
            slot.set(value);
            path = slot.path();
        }
        r.labels.add("body: " + what + " at " + shorten(path) + " = " + shortJson(value));
    }

    private void hostileString(Request r) {
        ensureBody(r);
        replace(r, prefer(r, v -> v instanceof String), "hostile string", pick(HOSTILE_STRINGS));
    }

    private void numberEdge(Request r) {
        ensureBody(r);
        replace(r, prefer(r, v -> v instanceof Number || v instanceof String s && s.matches("-?\\d.*")),
                "number edge", pick(NUMBER_EDGES));
    }

    private void nullOrMissing(Request r) {
        ensureBody(r);
        List<Slot> slots = slots(r.body, "$", new ArrayList<>());
        switch (slots.isEmpty() ? 2 + random.nextInt(3) : random.nextInt(5)) {
            case 0 -> {
                Slot slot = pick(slots);
                slot.remove();
                r.labels.add("body: without " + shorten(slot.path()));
            }
            case 1 -> replace(r, slots, "null", null);
            case 2 -> {
                r.body = new LinkedHashMap<String, Object>();
                r.labels.add("body: {}");
            }
            case 3 -> {
                r.body = null;
                r.labels.add("body: null");
            }
            default -> {
                r.body = new ArrayList<>();
                r.labels.add("body: []");
            }
        }
    }

    /** The objects of the body with the slot that holds each (null for the root). */
    private List<Map.Entry<Slot, Map<?, ?>>> objects(Request r) {
        List<Map.Entry<Slot, Map<?, ?>>> objects = new ArrayList<>();
        if (r.body instanceof Map<?, ?> root) {
            objects.add(new SimpleEntry<>(null, root));
        }
        for (Slot slot : slots(r.body, "$", new ArrayList<>())) {
            if (slot.get() instanceof Map<?, ?> map) {
                objects.add(new SimpleEntry<>(slot, map));
            }
        }
        return objects;
    }

    /** An object of the body, preferably a free-form map of the schema ({@code properties}, {@code user}). */
    private Map.Entry<Slot, Map<?, ?>> someObject(Request r) {
        List<Map.Entry<Slot, Map<?, ?>>> objects = objectsOf(r);
        Map<Map<?, ?>, JsonNode> schemas = schemas(r);
        List<Map.Entry<Slot, Map<?, ?>>> free = objects.stream()
                .filter(o -> schemas.containsKey(o.getValue())
                        && schemas.get(o.getValue()).path("additionalProperties").isObject())
                .toList();
        return free.isEmpty() || random.nextInt(10) < 3 ? pick(objects) : pick(free);
    }

    /** The objects of the body (made an object if it is none), each with the slot that holds it (null: the root). */
    private List<Map.Entry<Slot, Map<?, ?>>> objectsOf(Request r) {
        ensureBody(r);
        if (!(r.body instanceof Map<?, ?>)) {
            r.body = new LinkedHashMap<String, Object>();
        }
        return objects(r);
    }

    /** Each object of the body with its (resolved) schema, found by walking the body along the operation's schema. */
    private Map<Map<?, ?>, JsonNode> schemas(Request r) {
        Map<Map<?, ?>, JsonNode> out = new IdentityHashMap<>();
        walk(r.body, r.op.bodySchema(), out, 0);
        return out;
    }

    private void walk(Object node, JsonNode schema, Map<Map<?, ?>, JsonNode> out, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        JsonNode s = resolve(schema);
        if (node instanceof Map<?, ?> map) {
            out.put(map, s);
            map.forEach((k, v) -> walk(v, s.path("properties").has((String) k) ? s.path("properties")
                    .get((String) k) : null, out, depth + 1));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, s.has("items") ? s.get("items") : null, out, depth + 1));
        }
    }

    private String where(Map.Entry<Slot, Map<?, ?>> object) {
        return object.getKey() == null ? "$" : shorten(object.getKey().path());
    }

    @SuppressWarnings("unchecked")
    private void duplicateKey(Request r) {
        Map.Entry<Slot, Map<?, ?>> target = pick(objectsOf(r));
        Map<String, Object> object = (Map<String, Object>) target.getValue();
        // mostly last in an object that has every property of its schema: a parser that builds the object as soon as
        // it has them all (a Java record) meets the repeated key after it has built it
        boolean last = random.nextInt(4) != 0;
        JsonNode schema = schemas(r).get(object);
        if (last && schema != null) {
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                object.computeIfAbsent(p.getKey(), k -> generate(p.getValue(), k, 1));
            }
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        object.forEach((k, v) -> entries.add(new SimpleEntry<>(k, v)));
        String key = object.isEmpty() ? "name" : pick(new ArrayList<>(object.keySet()));
        // last: a value of the right type, so that the repetition itself is what is tested; else anything
        Object second = last ? pick(Arrays.asList(object.get(key), pick(HOSTILE_STRINGS), "fz-dup"))
                : pick(Arrays.asList(object.get(key), pick(HOSTILE_STRINGS), pick(WRONG_TYPES), "fz-dup"));
        entries.add(last ? entries.size() : random.nextInt(entries.size() + 1), new SimpleEntry<>(key, second));
        Entries duplicated = new Entries(entries);
        if (target.getKey() == null) {
            r.body = duplicated;
        } else {
            target.getKey().set(duplicated);
        }
        r.labels.add("body: duplicate key " + where(target) + "." + shorten(key) + (last ? " last" : "") + " (second "
                + shortJson(second) + ")");
    }

    @SuppressWarnings("unchecked")
    private void deepNesting(Request r) {
        Map.Entry<Slot, Map<?, ?>> target = someObject(r);
        int depth = pick(List.of(500, 500, 1_500));
        boolean arrays = random.nextInt(3) == 0;
        Raw nested = new Raw(arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        ((Map<String, Object>) target.getValue()).put("nested", nested);
        r.labels.add("body: " + depth + " levels of " + (arrays ? "arrays" : "objects") + " at " + where(target)
                + ".nested");
    }

    @SuppressWarnings("unchecked")
    private void longOrManyKeys(Request r) {
        Map.Entry<Slot, Map<?, ?>> target = someObject(r);
        Map<String, Object> object = (Map<String, Object>) target.getValue();
        if (random.nextBoolean()) {
            object.put("k".repeat(10_000), 1);
            r.labels.add("body: a 10,000-character key in " + where(target));
        } else {
            for (int i = 0; i < 2_000; i++) {
                object.put("k" + i, i);
            }
            r.labels.add("body: 2,000 keys in " + where(target));
        }
    }

    private void bigArray(Request r) {
        ensureBody(r);
        List<Slot> slots = prefer(r, v -> v instanceof List<?>);
        Slot slot = slots.isEmpty() ? null : pick(slots);
        Object first = slot != null && slot.get() instanceof List<?> list && !list.isEmpty() ? list.get(0) : "x";
        Object item = Json.write(first).length() < 300 ? first : "x";
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            big.add(item);
        }
        replace(r, slot == null ? List.of() : List.of(slot), "5,000 items", big);
    }

    @SuppressWarnings("unchecked")
    private void unknownField(Request r) {
        Map.Entry<Slot, Map<?, ?>> target = someObject(r);
        List<Map.Entry<String, Object>> fields = List.of(
                new SimpleEntry<>("__proto__", map("isAdmin", true)),
                new SimpleEntry<>("@class", "java.lang.ProcessBuilder"),
                new SimpleEntry<>("unknownField", pick(HOSTILE_STRINGS)),
                new SimpleEntry<>("constructor", map("prototype", map("polluted", 1))),
                new SimpleEntry<>("", "empty key"),
                new SimpleEntry<>("\u0000", "NUL key"),
                new SimpleEntry<>("\ud800", "lone surrogate key"));
        Map.Entry<String, Object> field = pick(fields);
        ((Map<String, Object>) target.getValue()).put(field.getKey(), field.getValue());
        r.labels.add("body: unknown field " + printable(field.getKey().getBytes(UTF_8), 20) + " in " + where(target));
    }

    // -- byte-level body mutations

    private void rawStep(Request r, String label, UnaryOperator<byte[]> step) {
        ensureBody(r);
        UnaryOperator<byte[]> before = r.raw;
        r.raw = bytes -> step.apply(before.apply(bytes));
        r.labels.add("raw: " + label);
    }

    private void trailingGarbage(Request r) {
        String garbage = pick(List.of("xyz", "}", "{}", "\u0000", ",", " ] ", "\"", "// c", "{\"a\":1}"));
        rawStep(r, "trailing " + printable(garbage.getBytes(UTF_8), 20),
                bytes -> concat(bytes, garbage.getBytes(UTF_8)));
    }

    private void truncated(Request r) {
        double cut = random.nextDouble();
        rawStep(r, "truncated at " + (int) (cut * 100) + "%", bytes -> bytes.length < 2 ? "{".getBytes(UTF_8)
                : Arrays.copyOf(bytes, (int) (cut * (bytes.length - 1))));
    }

    private void notJson(Request r) {
        String text = pick(List.of("", "hello", "<?xml version=\"1.0\"?><a/>", "a=1&b=2", "null", "[]", "42",
                "\"text\"", "true", "{", "}", "\u0000", " "));
        rawStep(r, "body " + printable(text.getBytes(UTF_8), 30), ignored -> text.getBytes(UTF_8));
    }

    private void topLevelNesting(Request r) {
        int depth = pick(List.of(500, 5_000));
        String text = pick(List.of("{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                "[".repeat(depth) + "]".repeat(depth), "[".repeat(depth)));
        rawStep(r, depth + " levels at the top (" + printable(text.getBytes(UTF_8), 12) + ")",
                ignored -> text.getBytes(UTF_8));
    }

    private void invalidUtf8(Request r) {
        byte[] invalid = pick(List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}));
        rawStep(r, "invalid UTF-8 bytes " + hex(invalid) + " in a string", bytes -> {
            String text = new String(bytes, UTF_8);
            int at = text.indexOf(":\"");
            int offset = at < 0 ? -1 : text.substring(0, at + 2).getBytes(UTF_8).length;
            return offset < 0 ? concat(concat("{\"a\":\"".getBytes(UTF_8), invalid), "\"}".getBytes(UTF_8))
                    : concat(concat(Arrays.copyOf(bytes, offset), invalid),
                            Arrays.copyOfRange(bytes, offset, bytes.length));
        });
    }

    private void laxSyntax(Request r) {
        switch (random.nextInt(5)) {
            case 0 -> rawStep(r, "byte order mark first", bytes -> concat("\uFEFF".getBytes(UTF_8), bytes));
            case 1 -> rawStep(r, "a comment first", bytes -> concat("/* c */".getBytes(UTF_8), bytes));
            case 2 -> rawStep(r, "single quotes", bytes -> new String(bytes, UTF_8).replace('"', '\'').getBytes(UTF_8));
            case 3 -> rawStep(r, "a NaN literal", bytes -> new String(bytes, UTF_8)
                    .replaceFirst("\\{", "{\"nan\":NaN,").getBytes(UTF_8));
            default -> rawStep(r, "unquoted keys", bytes -> new String(bytes, UTF_8)
                    .replaceAll("\"(\\w+)\":", "$1:").getBytes(UTF_8));
        }
    }

    // ---- the contract ---------------------------------------------------------------------------------------------

    /** What the answer breaks of the contract, or null. */
    private static String breach(Request request, RawHttp.Answer answer) {
        Operation op = request.op;
        int status = answer.status();
        if (status < 0) {
            return "no HTTP answer: " + answer.error();
        }
        if (status >= 500) {
            return "server error " + status;
        }
        if (status == 400 && answer.body().length == 0 && isNotHttp(request)) {
            // not an HTTP request at all: the HTTP server (Netty, then Quarkus's URI check) refuses it with a bare 400
            // before any route of the service runs; the service never sees it, so it cannot answer with a problem
            return null;
        }
        if (status < 400 || !op.documented()) {
            // the hidden HTML page answers its refusals as pages (docs/api.md: "the redemption page (HTML)"): no 5xx only
            return null;
        }
        String type = answer.header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return status + " without application/problem+json (Content-Type: " + type + ")";
        }
        JsonNode problem;
        try {
            problem = MAPPER.readTree(answer.body());
        } catch (Exception notJson) {
            return status + " problem whose body is not JSON";
        }
        if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()) {
            return status + " problem without type or title";
        }
        if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
            return status + " problem whose status is " + problem.path("status");
        }
        return null;
    }

    /**
     * Whether the request breaks HTTP/1.1 itself rather than the API: a request target that is no URI (a {@code %}
     * not followed by two hex digits, RFC 3986) or a header value holding a control character (RFC 9110, 5.5).
     */
    private static boolean isNotHttp(Request request) {
        String target = request.target();
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) == '%' && (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0)) {
                return true;
            }
        }
        return request.headers.values().stream().filter(Objects::nonNull)
                .anyMatch(value -> value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F));
    }

    private static String problemType(RawHttp.Answer answer) {
        try {
            return MAPPER.readTree(answer.body()).path("type").asText("");
        } catch (Exception e) {
            return "";
        }
    }

    private String describe(Exchange exchange, String breach) {
        Request r = exchange.request();
        byte[] body = exchange.body();
        RawHttp.Answer answer = exchange.answer();
        StringBuilder line = new StringBuilder().append(r.op.key()).append(" [").append(String.join("; ", r.labels))
                .append("] ").append(breach).append("\n  curl -X ").append(r.op.method()).append(" '$URL")
                .append(printable(r.target().getBytes(UTF_8), 200)).append('\'');
        r.headers.forEach((name, value) -> line.append(" -H '").append(name).append(": ")
                .append(printable(masked(value).getBytes(UTF_8), 60)).append('\''));
        if (body != null) {
            line.append(" --data-binary '").append(printable(body, 200)).append('\'');
        }
        return line.append("\n  -> ").append(answer.status()).append(' ').append(answer.header("content-type"))
                .append(' ').append(printable(answer.body(), 200)).toString();
    }

    private String masked(String value) {
        String shown = value.replace(Api.ADMIN_TOKEN, "$ADMIN");
        return apiKey == null ? shown : shown.replace(apiKey, "$KEY");
    }

    // ---- small helpers --------------------------------------------------------------------------------------------

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (node instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(copy(item)));
            return out;
        }
        return node;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return printable(text.getBytes(UTF_8), 40);
    }

    private static String shortJson(Object value) {
        return printable(Json.write(value).getBytes(UTF_8), 40);
    }

    /**
     * Bytes shown on one line in ASCII: decoded as UTF-8 (bytes that are not UTF-8 as \xNN), any other character as
     * its \\uXXXX escape and quotes as a shell wants them, cut after {@code max} characters with the full size said.
     */
    static String printable(byte[] bytes, int max) {
        var decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            StringBuilder latin = new StringBuilder();
            for (byte b : bytes) {
                latin.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xff));
            }
            text = latin.toString();
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length() && shown < max; i++, shown++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '\'') {
                out.append("'\\''");
            } else {
                out.append(c);
            }
        }
        if (shown < text.length()) {
            out.append("…(").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }

    // ---- JSON text, written by hand so that it can say what a serialiser would refuse to ----------------------------

    /** A fragment of JSON text written as it is: a number no Java type holds, nesting, or anything invalid. */
    private record Raw(String text) {
    }

    /** An object whose entries are written in order, duplicate keys included. */
    private record Entries(List<Map.Entry<String, Object>> entries) {
    }

    /** JSON and form text of a body tree (maps, lists, strings, numbers, booleans, null, Raw, Entries). */
    private static final class Json {

        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(out, value);
            return out.toString();
        }

        private static void write(StringBuilder out, Object value) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Raw raw) {
                out.append(raw.text());
            } else if (value instanceof String text) {
                quote(out, text);
            } else if (value instanceof Map<?, ?> map) {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(new SimpleEntry<>(String.valueOf(k), v)));
                object(out, entries);
            } else if (value instanceof Entries entries) {
                object(out, entries.entries());
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(out, list.get(i));
                }
                out.append(']');
            } else {
                out.append(value);
            }
        }

        private static void object(StringBuilder out, List<Map.Entry<String, Object>> entries) {
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "" : ",");
                quote(out, entries.get(i).getKey());
                out.append(':');
                write(out, entries.get(i).getValue());
            }
            out.append('}');
        }

        /** A JSON string: a lone surrogate, which no UTF-8 byte can carry, is written as its \\u escape. */
        private static void quote(StringBuilder out, String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\u%04x", (int) c));
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }

        /** A form body ({@code a=1&b=2}) of a tree's top-level entries; anything but an object is its JSON text. */
        static String form(Object value) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> entries.add(new SimpleEntry<>(String.valueOf(k), v)));
            } else if (value instanceof Entries e) {
                entries.addAll(e.entries());
            } else {
                return write(value);
            }
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, Object> e : entries) {
                Object v = e.getValue();
                String text = v == null ? "" : v instanceof String s ? s : write(v);
                out.append(out.length() == 0 ? "" : "&").append(encode(e.getKey())).append('=').append(encode(text));
            }
            return out.toString();
        }
    }
}
