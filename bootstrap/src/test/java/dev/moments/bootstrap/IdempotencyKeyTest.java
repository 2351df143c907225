package dev.moments.bootstrap;

import static dev.moments.bootstrap.TestDatabase.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Idempotency-Key} on every creating POST, against PostgreSQL: a retry with the same key and body replays the
 * first answer byte for byte and creates nothing more, another request under the key is refused, keys are the
 * partner's own, and concurrent retries create exactly once.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final Map<String, Object> DIRECT = Map.of("kind", "direct");

    @Inject
    IdempotencyKeyJob job;

    /**
     * One creating endpoint, ready to be called: who calls it, where, a body, another request under the same key
     * ({@code otherPath} with {@code otherBody}), and the state that one creation changes from {@code before} to
     * {@code afterOne} (a count, a balance).
     */
    record Prepared(Supplier<RequestSpecification> caller, String path, Object body, String otherPath,
                    Object otherBody, Supplier<String> state, String before, String afterOne) {

        Response post(String key) {
            return post(key, path, body);
        }

        Response postOther(String key) {
            return post(key, otherPath, otherBody);
        }

        private Response post(String key, String where, Object payload) {
            RequestSpecification request = caller.get().header(KEY, key);
            if (payload != null) {
                request = request.body(payload);
            }
            return request.post(where);
        }
    }

    /** The seven creating endpoints, each prepared afresh for a new partner. */
    enum Creation {
        PARTNER {
            @Override
            Prepared prepare(Api partner) {
                String name = "Idempotent " + UUID.randomUUID();
                return new Prepared(IdempotencyKeyTest::admin, "/admin/v1/partners",
                        Map.of("name", name, "currency", "USD"), "/admin/v1/partners",
                        Map.of("name", name, "currency", "EUR"),
                        () -> String.valueOf(count("select count(*) from partners where name = ?", name)), "0", "1");
            }
        },
        API_KEY {
            @Override
            Prepared prepare(Api partner) {
                // the endpoint takes no body: another request is another partner's keys
                return new Prepared(IdempotencyKeyTest::admin, "/admin/v1/partners/" + partner.partnerId + "/keys",
                        null, "/admin/v1/partners/" + Api.newPartner().partnerId + "/keys", null,
                        () -> String.valueOf(count("select count(*) from api_keys where partner_id = ?",
                                partner.partnerId)), "1", "2");
            }
        },
        REWARD {
            @Override
            Prepared prepare(Api partner) {
                return new Prepared(partner::request, "/v1/rewards", reward("Store credit", "sandbox"), "/v1/rewards",
                        reward("Gift card", "sandbox"),
                        () -> String.valueOf(partner.request().get("/v1/rewards").jsonPath().getList("items").size()),
                        "0", "1");
            }
        },
        CODES {
            @Override
            Prepared prepare(Api partner) {
                String reward = partner.request().body(reward("Gift code", "codes")).post("/v1/rewards")
                        .then().statusCode(201).extract().path("id");
                String path = "/v1/rewards/" + reward + "/codes";
                return new Prepared(partner::request, path, Map.of("codes", List.of("A-1", "A-2", "A-3")), path,
                        Map.of("codes", List.of("B-1")),
                        () -> String.valueOf(partner.request().get("/v1/rewards/" + reward).jsonPath()
                                .getInt("codesAvailable")), "0", "3");
            }
        },
        MOMENT {
            @Override
            Prepared prepare(Api partner) {
                String reward = partner.createReward("5.00");
                return new Prepared(partner::request, "/v1/moments", moment("Second order", reward), "/v1/moments",
                        moment("Third order", reward),
                        () -> String.valueOf(partner.request().get("/v1/moments").jsonPath().getList("items").size()),
                        "0", "1");
            }
        },
        TOP_UP {
            @Override
            Prepared prepare(Api partner) {
                String moment = partner.createSpendMoment("100.00", "10.00");
                String path = "/v1/moments/" + moment + "/budget/top-up";
                return new Prepared(partner::request, path, Map.of("amount", "50.00"), path,
                        Map.of("amount", "60.00"),
                        () -> partner.moment(moment).extract().path("budgetState.remaining"), "100.00", "150.00");
            }
        },
        DIRECT_AWARD {
            @Override
            Prepared prepare(Api partner) {
                String moment = partner.launchedMoment(DIRECT);
                String path = "/v1/moments/" + moment + "/awards";
                return new Prepared(partner::request, path, Map.of("userId", "u-42", "deviceId", "d-1"), path,
                        Map.of("userId", "u-43"),
                        () -> partner.request().get("/v1/awards?momentId=" + moment).jsonPath().getList("items")
                                .size() + " award(s), " + partner.moment(moment).extract()
                                .path("budgetState.reserved") + " reserved",
                        "0 award(s), 0.00 reserved", "1 award(s), 10.00 reserved");
            }
        };

        abstract Prepared prepare(Api partner);
    }

    @ParameterizedTest
    @EnumSource(Creation.class)
    void theSameKeyAndBodyTwice_createsOnce_andTheRetryReplaysTheFirstAnswer(Creation creation) {
        Prepared call = creation.prepare(Api.newPartner());
        assertThat(call.state().get()).isEqualTo(call.before());
        String key = uniqueKey();

        Response first = call.post(key);
        Response retry = call.post(key);

        assertThat(first.statusCode()).as(first.asString()).isIn(200, 201);
        assertThat(first.header(REPLAYED)).isNull();
        assertReplayOf(retry, first);
        assertThat(call.state().get()).isEqualTo(call.afterOne());
    }

    @ParameterizedTest
    @EnumSource(Creation.class)
    void theSameKeyWithAnotherRequest_isRefusedWith422_andCreatesNothing(Creation creation) {
        Prepared call = creation.prepare(Api.newPartner());
        String key = uniqueKey();
        Response first = call.post(key);
        assertThat(first.statusCode()).as(first.asString()).isIn(200, 201);

        call.postOther(key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("status", equalTo(422))
                .body("detail", containsString(KEY));

        assertThat(call.state().get()).isEqualTo(call.afterOne());
        assertReplayOf(call.post(key), first); // the key still answers its own request
    }

    @ParameterizedTest
    @EnumSource(value = Creation.class, names = {"REWARD", "CODES", "MOMENT", "TOP_UP", "DIRECT_AWARD"})
    void anotherPartnerMayUseTheSameKey_andGetsItsOwnCreation(Creation creation) {
        Prepared forA = creation.prepare(Api.newPartner());
        Prepared forB = creation.prepare(Api.newPartner());
        String key = uniqueKey();

        Response a = forA.post(key);
        Response b = forB.post(key);

        assertThat(b.statusCode()).as(b.asString()).isEqualTo(a.statusCode());
        assertThat(b.header(REPLAYED)).isNull();
        assertThat(forA.state().get()).isEqualTo(forA.afterOne());
        assertThat(forB.state().get()).isEqualTo(forB.afterOne());
        if (a.jsonPath().get("id") != null) {
            assertThat(b.jsonPath().getString("id")).isNotEqualTo(a.jsonPath().getString("id"));
        }
    }

    @ParameterizedTest
    @EnumSource(Creation.class)
    void tenConcurrentRequestsWithOneKey_createOnce_andAllTenGetTheSameAnswer(Creation creation) throws Exception {
        Prepared call = creation.prepare(Api.newPartner());
        String key = uniqueKey();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> {
                    start.await();
                    return call.post(key);
                });
            }
            List<Future<Response>> futures = new ArrayList<>();
            calls.forEach(task -> futures.add(pool.submit(task)));
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }

            Response created = answers.stream().filter(answer -> answer.header(REPLAYED) == null).findFirst()
                    .orElseThrow();
            assertThat(created.statusCode()).as(created.asString()).isIn(200, 201);
            assertThat(answers.stream().filter(answer -> answer.header(REPLAYED) == null)).hasSize(1);
            for (Response answer : answers) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(created.statusCode());
                assertThat(answer.asByteArray()).isEqualTo(created.asByteArray());
            }
            assertThat(call.state().get()).isEqualTo(call.afterOne());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAKey_nothingChanges_twoRequestsCreateTwoRewards() {
        Api acme = Api.newPartner();
        Response first = acme.request().body(reward("Store credit", "sandbox")).post("/v1/rewards");
        Response second = acme.request().body(reward("Store credit", "sandbox")).post("/v1/rewards");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header(REPLAYED)).isNull();
        assertThat(second.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
        assertThat(acme.request().get("/v1/rewards").jsonPath().getList("items")).hasSize(2);
    }

    @Test
    void keyOrderAndNumberFormatting_doNotMakeAnotherRequest() {
        Api acme = Api.newPartner();
        String reward = acme.createReward("5.00");
        String key = uniqueKey();
        String body = "{\"name\": \"Spend $25.50\", \"rewards\": [\"" + reward + "\"],"
                + " \"trigger\": {\"kind\": \"sum\", \"event\": \"order.completed\", \"field\": \"total\","
                + " \"atLeast\": 25.50, \"within\": \"P1D\"},"
                + " \"budget\": {\"currency\": \"USD\", \"total\": \"100.00\", \"costPerAction\": \"10.00\"}}";
        String reordered = "{\"budget\": {\"costPerAction\": \"10.00\", \"total\": \"100.00\", \"currency\": \"USD\"},"
                + " \"trigger\": {\"within\": \"PT24H\", \"atLeast\": 25.5, \"field\": \"total\","
                + " \"event\": \"order.completed\", \"kind\": \"sum\"},"
                + " \"rewards\": [\"" + reward + "\"], \"name\": \"Spend $25.50\"}";

        Response first = acme.request().header(KEY, key).body(body).post("/v1/moments");
        Response retry = acme.request().header(KEY, key).body(reordered).post("/v1/moments");

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertReplayOf(retry, first);
        assertThat(acme.request().get("/v1/moments").jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void theSameKeyOnAnotherPath_isAnotherRequest_andRefused() {
        Api acme = Api.newPartner();
        String first = acme.createSpendMoment("100.00", "10.00");
        String second = acme.createSpendMoment("100.00", "10.00");
        String key = uniqueKey();
        acme.request().header(KEY, key).body(Map.of("amount", "50.00"))
                .post("/v1/moments/" + first + "/budget/top-up").then().statusCode(200);

        acme.request().header(KEY, key).body(Map.of("amount", "50.00"))
                .post("/v1/moments/" + second + "/budget/top-up").then().statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));

        acme.moment(second).body("budgetState.remaining", equalTo("100.00"));
    }

    @Test
    void theAdminsKeysAndAPartnersKeysAreApart() {
        String key = uniqueKey();
        Response partner = admin().header(KEY, key).body(Map.of("name", "Keyed", "currency", "USD"))
                .post("/admin/v1/partners");
        assertThat(partner.statusCode()).isEqualTo(201);
        Api acme = Api.newPartner();

        Response reward = acme.request().header(KEY, key).body(reward("Store credit", "sandbox")).post("/v1/rewards");

        assertThat(reward.statusCode()).as(reward.asString()).isEqualTo(201);
        assertThat(reward.header(REPLAYED)).isNull();
    }

    @Test
    void anInvalidKey_isA400NamingTheHeader_andCreatesNothing() {
        Api acme = Api.newPartner();
        for (String invalid : List.of("", "has space", "a".repeat(256), "tab\there")) {
            Response refused = acme.request().header(KEY, invalid).body(reward("Store credit", "sandbox"))
                    .post("/v1/rewards");
            assertThat(refused.statusCode()).as("key \"%s\": %s", invalid, refused.asString()).isEqualTo(400);
            refused.then()
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(KEY));
        }
        assertThat(acme.request().get("/v1/rewards").jsonPath().getList("items")).isEmpty();

        acme.request().header(KEY, "a".repeat(255)).body(reward("Store credit", "sandbox")).post("/v1/rewards")
                .then().statusCode(201);
        acme.request().header(KEY, "!~" + "\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}").body(reward("Store credit", "sandbox"))
                .post("/v1/rewards").then().statusCode(201);
    }

    /**
     * A failed creation leaves no trace under its key: the same key may be sent again, with the same body (refused
     * again, as it is evaluated again) or a corrected one (created, and replayed from then on).
     */
    @Test
    void aFailedCreationFreesItsKey_andACorrectedBodyWithTheSameKeyIsCreated() {
        Api acme = Api.newPartner();
        String key = uniqueKey();
        Map<String, Object> wrong = Map.of("name", "Store credit", "kind", "CREDIT", "cost", "-5.00",
                "currency", "USD", "fulfillment", Map.of("provider", "sandbox"));

        acme.request().header(KEY, key).body(wrong).post("/v1/rewards").then().statusCode(422)
                .body("errors[0].field", equalTo("cost"));
        Response again = acme.request().header(KEY, key).body(wrong).post("/v1/rewards");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.header(REPLAYED)).isNull();

        Response corrected = acme.request().header(KEY, key).body(reward("Store credit", "sandbox")).post("/v1/rewards");
        assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(201);
        assertThat(corrected.header(REPLAYED)).isNull();
        assertReplayOf(acme.request().header(KEY, key).body(reward("Store credit", "sandbox")).post("/v1/rewards"),
                corrected);
        acme.request().header(KEY, key).body(wrong).post("/v1/rewards").then().statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(acme.request().get("/v1/rewards").jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void aDirectAwardRefusedForTheUserFreesItsKeyToo() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(DIRECT);
        acme.request().body(Map.of("userId", "u-1")).post("/v1/moments/" + moment + "/awards").then().statusCode(201);
        String key = uniqueKey();

        acme.request().header(KEY, key).body(Map.of("userId", "u-1")).post("/v1/moments/" + moment + "/awards").then()
                .statusCode(409).body("reason", equalTo("LIMIT_PER_USER"));
        Response other = acme.request().header(KEY, key).body(Map.of("userId", "u-2"))
                .post("/v1/moments/" + moment + "/awards");

        assertThat(other.statusCode()).as(other.asString()).isEqualTo(201);
        acme.moment(moment).body("budgetState.reserved", equalTo("20.00"));
    }

    @Test
    void keysPastTheirRetention_areForgottenByTheJob_andTheirRequestIsNewAgain_whileYoungerKeysStay() {
        Api acme = Api.newPartner();
        String old = uniqueKey();
        String young = uniqueKey();
        Response first = acme.request().header(KEY, old).body(reward("Store credit", "sandbox")).post("/v1/rewards");
        Response kept = acme.request().header(KEY, young).body(reward("Gift card", "sandbox")).post("/v1/rewards");
        // as if 25 hours had passed for the first key (the retention is 24 h)
        assertThat(update("update idempotency_keys set created_at = now() - interval '25 hours'"
                + " where scope = ? and key = ?", acme.partnerId, old)).isEqualTo(1);

        job.run();

        Response again = acme.request().header(KEY, old).body(reward("Store credit", "sandbox")).post("/v1/rewards");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header(REPLAYED)).isNull();
        assertThat(again.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
        assertReplayOf(acme.request().header(KEY, young).body(reward("Gift card", "sandbox")).post("/v1/rewards"),
                kept);
        assertThat(acme.request().get("/v1/rewards").jsonPath().getList("items")).hasSize(3);
    }

    @Test
    void theResponseKeptUnderAKey_isSealed_soANewPartnersApiKeyIsNotInTheDatabaseInClear() {
        String key = uniqueKey();
        Response created = admin().header(KEY, key).body(Map.of("name", "Sealed", "currency", "USD"))
                .post("/admin/v1/partners");
        String apiKey = created.jsonPath().getString("apiKey");

        assertThat(apiKey).startsWith("mk_");
        assertThat(count("select count(*) from idempotency_keys where scope = 'admin' and key = ?", key)).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_keys where position(convert_to(?, 'UTF8') in body) > 0",
                apiKey)).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheHeaderOnEveryCreatingOperation() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        for (String path : List.of("/admin/v1/partners", "/admin/v1/partners/{id}/keys", "/v1/rewards",
                "/v1/rewards/{id}/codes", "/v1/moments", "/v1/moments/{id}/budget/top-up", "/v1/moments/{id}/awards")) {
            List<Map<String, Object>> parameters = document.getList("paths.'" + path + "'.post.parameters");
            assertThat(parameters).as(path).anySatisfy(parameter -> {
                assertThat(parameter.get("name")).isEqualTo(KEY);
                assertThat(parameter.get("in")).isEqualTo("header");
                assertThat((String) parameter.get("description")).contains("replayed");
            });
        }
        assertThat(document.getString("paths.'/v1/moments/{id}/budget/top-up'.post.responses.'200'.content"
                + ".'application/json'.schema.'$ref'")).endsWith("/Moment");
        assertThat(document.getString("paths.'/v1/rewards/{id}/codes'.post.responses.'200'.content"
                + ".'application/json'.schema.'$ref'")).endsWith("/CodesAdded");
    }

    private static void assertReplayOf(Response replay, Response first) {
        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(first.statusCode());
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
        assertThat(replay.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(replay.contentType()).isEqualTo(first.contentType());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, Object> reward(String name, String provider) {
        return Map.of("name", name, "kind", "CREDIT", "cost", "5.00", "currency", "USD",
                "fulfillment", Map.of("provider", provider));
    }

    private static Map<String, Object> moment(String name, String reward) {
        return Map.of("name", name,
                "trigger", Map.of("kind", "event", "event", "order.completed"),
                "budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "10.00"),
                "rewards", List.of(reward));
    }

    private static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    /** Runs an UPDATE through the test's own connection; answers how many rows it changed. */
    private static int update(String sql, String... parameters) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
