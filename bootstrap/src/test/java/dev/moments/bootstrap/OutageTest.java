package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 11 of the hostile-input campaign: while the database was restarting, or every pooled connection was held
 * (the budget row locked from psql while 200 clients sent events), the service answered 500 with no Retry-After and
 * its readiness waited 16 s to say UP. Now such answers are 503 problems with Retry-After, readiness says DOWN at
 * once, and the service recovers by itself. The pool is small here (4 connections), a lock is waited for 2 s at most,
 * and the connections carry a name of this run's own, so the test can end them without touching anyone else's.
 */
@QuarkusTest
@TestProfile(OutageTest.SmallPool.class)
class OutageTest {

    static final String APPLICATION_NAME = "moments-outage-test-" + UUID.randomUUID();

    /** Four pooled connections, named for this run. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "4",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", APPLICATION_NAME,
                    "quarkus.datasource.jdbc.additional-jdbc-properties.options", "-c lock_timeout=2s");
        }
    }

    private final List<Connection> opened = new ArrayList<>();

    @AfterEach
    void closeConnections() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
    }

    /** A connection of its own (like psql's) to the service's database, searching the service's schema. */
    private Connection direct() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url",
                String.class), config.getValue("quarkus.datasource.username", String.class), "");
        opened.add(connection);
        connection.setSchema(config.getValue("moments.schema", String.class));
        return connection;
    }

    private static Response ready() {
        return given().get("/q/health/ready");
    }

    @Test
    void whileEveryConnectionIsHeldRequestsAnswer503WithRetryAfterAndReadinessSaysDown() throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("1000.00", "10.00");
        assertThat(ready().statusCode()).isEqualTo(200);

        Connection psql = direct();
        psql.setAutoCommit(false);
        try (PreparedStatement lock = psql.prepareStatement("select * from budgets where moment_id = ? for update")) {
            lock.setString(1, moment);
            lock.executeQuery();
        }

        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        List<Future<Response>> batches = new ArrayList<>();
        try {
            // four batches, a unit and a connection each, take the pool's four connections and wait for the row
            for (int i = 0; i < 4; i++) {
                String user = "b-" + i;
                batches.add(clients.submit(() -> acme.request().body(Map.of("events", List.of(Map.of(
                        "id", Api.uniqueId("evt-"), "type", "order.completed", "userId", user,
                        "properties", Map.of("total", 30))))).post("/v1/events/batch")));
            }
            Thread.sleep(300);
            // the single events' units queue for a connection (up to 3 s), then for the row once a batch gave up on
            // it (the lock timeout, 2 s here): either way they answer 503 while the row is held
            for (int i = 0; i < 12; i++) {
                String user = "u-" + i;
                answers.add(clients.submit(() -> acme.request().body(Map.of("id", Api.uniqueId("evt-"),
                        "type", "order.completed", "userId", user, "properties", Map.of("total", 30)))
                        .post("/v1/events")));
            }
            Response readiness = Eventually.until("readiness DOWN while every connection is held and requests wait",
                    () -> ready(), response -> response.statusCode() != 200);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.jsonPath().getString("checks.find { it.name == 'database' }.status"))
                    .isEqualTo("DOWN");

            Thread.sleep(4_500); // past the 3 s a request waits for a connection
            List<Response> refused = new ArrayList<>();
            for (Future<Response> answer : answers) {
                if (answer.isDone()) {
                    refused.add(answer.get());
                }
            }
            assertThat(refused).isNotEmpty().allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Retry-After")).isEqualTo("5");
                assertThat(response.jsonPath().getString("type")).isEqualTo("/problems/unavailable");
            });

            psql.rollback();
            for (Future<Response> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
            }
            for (Future<Response> batch : batches) {
                assertThat(batch.get(30, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
            }
        } finally {
            psql.rollback();
            clients.shutdownNow();
        }

        // recovered by itself: ready, and every event answers again
        Eventually.until("readiness UP", () -> ready().statusCode(), status -> status == 200);
        acme.order(Api.uniqueId("evt-"), "after", 30).statusCode(200);
    }

    @Test
    void aRowLockedLongerThanTheLockTimeoutAnswers503WithRetryAfter_andTheEventSucceedsOnceItIsFree()
            throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("1000.00", "10.00");
        Connection psql = direct();
        psql.setAutoCommit(false);
        try (PreparedStatement lock = psql.prepareStatement("select * from budgets where moment_id = ? for update")) {
            lock.setString(1, moment);
            lock.executeQuery();
        }
        try {
            acme.order("held-1", "held", 30).statusCode(503).header("Retry-After", "5")
                    .contentType("application/problem+json").body("type", equalTo("/problems/unavailable"));
        } finally {
            psql.rollback();
        }
        acme.order("held-1", "held", 30).statusCode(200).body("duplicate", equalTo(false))
                .body("awards.size()", equalTo(1));
    }

    @Test
    void aBatchMeetingAnOutageAnswersEachEventWith503AndNoneIsHalfWritten() throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("1000.00", "10.00");
        Connection psql = direct();
        psql.setAutoCommit(false);
        try (PreparedStatement lock = psql.prepareStatement("select * from budgets where moment_id = ? for update")) {
            lock.setString(1, moment);
            lock.executeQuery();
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(Map.of("id", "b-" + i, "type", "order.completed", "userId", "bu-" + i,
                    "properties", Map.of("total", 30)));
        }
        try {
            var results = acme.request().body(Map.of("events", events)).post("/v1/events/batch").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(results.getList("results.status", Integer.class)).hasSize(150).containsOnly(503);
            assertThat(results.getList("results.type", String.class)).containsOnly("/problems/unavailable");
        } finally {
            psql.rollback();
        }
        acme.request().body(Map.of("events", events)).post("/v1/events/batch").then().statusCode(200)
                .body("results.duplicate", org.hamcrest.Matchers.everyItem(equalTo(false)))
                .body("results.awards.flatten().size()", equalTo(100));
    }

    @Test
    void whenTheDatabaseDropsEveryConnectionRequestsAnswer503AndThenSucceedAgain() throws Exception {
        Api acme = Api.newPartner();
        acme.launchedSpendMoment("1000.00", "10.00");
        List<String> unanswered = new ArrayList<>();
        // the service's own jobs (the relays, webhook dispatch, each every second) may meet the dropped connections
        // first and have them replaced before a request does: then the connections are dropped again
        for (int round = 0; round < 5 && unanswered.isEmpty(); round++) {
            unanswered.addAll(ordersAfterEveryConnectionIsDropped(acme, round));
        }
        assertThat(unanswered).as("requests that met a dropped connection").isNotEmpty();
        // the same requests sent again succeed, and nothing was half-written: each is new, not a replay
        for (String id : unanswered) {
            int user = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            acme.order(id, "r-" + user, 30).statusCode(200).body("duplicate", equalTo(false));
        }
        Eventually.until("readiness UP", () -> ready().statusCode(), status -> status == 200);
    }

    /**
     * Uses every pooled connection once, drops every connection of the service, then sends eight orders: the ids of
     * those answered 503 (each also said when to try again).
     */
    private List<String> ordersAfterEveryConnectionIsDropped(Api acme, int round) throws Exception {
        // use every pooled connection once, so the pool holds four that are about to die: batches, since concurrent
        // single events share the units of group commit and would use only as many connections as there are units
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> warm = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                warm.add(clients.submit(() -> acme.request().body(Map.of("events", List.of(Map.of(
                        "id", Api.uniqueId("evt-"), "type", "order.completed", "userId", "warm",
                        "properties", Map.of("total", 30))))).post("/v1/events/batch").then().extract().statusCode()));
            }
            for (Future<Integer> status : warm) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        int ended;
        try (PreparedStatement terminate = direct().prepareStatement(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            terminate.setString(1, APPLICATION_NAME);
            var rows = terminate.executeQuery();
            rows.next();
            ended = rows.getInt(1);
        }
        assertThat(ended).isPositive();

        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "restart-" + round + "-" + i;
            var response = acme.order(id, "r-" + i, 30);
            int status = response.extract().statusCode();
            assertThat(status).isIn(200, 503);
            if (status == 503) {
                unanswered.add(id);
                response.header("Retry-After", "5").contentType("application/problem+json");
            }
        }
        return unanswered;
    }
}
