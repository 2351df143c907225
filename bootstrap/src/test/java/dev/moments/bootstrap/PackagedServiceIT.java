package dev.moments.bootstrap;

import static dev.moments.bootstrap.PackagedJar.awaitReady;
import static dev.moments.bootstrap.PackagedJar.freePort;
import static dev.moments.bootstrap.PackagedJar.stop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started the way a newcomer starts it: a database URL that names no schema
 * ({@code MOMENTS_SCHEMA} does), a port of its own ({@code QUARKUS_HTTP_PORT}) and no {@code MOMENTS_PUBLIC_URL}. It
 * works on that schema, its redemption links and its banner follow the real port, and a second start on the same
 * port fails without claiming to be up. Run by failsafe after {@code package}; logs in
 * {@code target/packaged-<name>.log}.
 */
class PackagedServiceIT {

    /** {@code <it.schema-prefix>_packaged} ({@code moments_test_packaged} by default), emptied at start. */
    private static final String SCHEMA = System.getProperty("it.schema-prefix", "moments_test") + "_packaged";
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final String BANNER = "Moments is up at ";

    private static int port;
    private static String url;
    private static Process service;

    @BeforeAll
    static void startTheServiceAsANewcomerWould() throws Exception {
        port = freePort();
        url = "http://localhost:" + port;
        service = start("first", true);
        awaitReady(service, url, log("first"), "the service");
    }

    @AfterAll
    static void stopIt() {
        stop(service);
    }

    @Test
    void aWalkThroughWorksOnTheSchemaItIsGiven_andItsRedemptionLinkFollowsTheRealPort() throws Exception {
        String apiKey = given().baseUri(url).auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Shop", "currency", "USD")).post("/admin/v1/partners")
                .then().statusCode(201).extract().path("apiKey");
        String reward = partner(apiKey).body(Map.of("name", "$5 store credit", "kind", "CREDIT", "cost", "5.00",
                        "currency", "USD", "fulfillment", Map.of("provider", "sandbox")))
                .post("/v1/rewards").then().statusCode(201).extract().path("id");
        String moment = partner(apiKey).body(Map.of("name", "Spend at least $25 in one order",
                        "trigger", Map.of("kind", "event", "event", "order.completed", "where", "event.total >= 25"),
                        "budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "10.00"),
                        "rewards", List.of(reward)))
                .post("/v1/moments").then().statusCode(201).extract().path("id");
        partner(apiKey).post("/v1/moments/" + moment + "/launch").then().statusCode(200);

        var answer = partner(apiKey).body(Map.of("id", "order-1001", "type", "order.completed", "userId", "u-42",
                "properties", Map.of("total", 42.50))).post("/v1/events").then().statusCode(200).extract();
        String award = answer.path("awards[0].id");
        String redeemUrl = answer.path("awards[0].redeemUrl");

        assertThat(redeemUrl).startsWith(url + "/r/");
        given().accept(ContentType.HTML).get(redeemUrl).then().statusCode(200).contentType(ContentType.HTML);
        try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
             PreparedStatement row = connection.prepareStatement(
                     "select count(*) from " + SCHEMA + ".awards where id = ?")) {
            row.setString(1, award);
            try (ResultSet count = row.executeQuery()) {
                assertThat(count.next()).isTrue();
                assertThat(count.getInt(1)).as("the award's row in schema " + SCHEMA).isEqualTo(1);
            }
        }
    }

    @Test
    void theBannerSaysWhereTheServiceListens_onceItsPortIsBound() throws Exception {
        String banner = BANNER + url + " (API docs: " + url + "/q/swagger-ui";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(log("first")).contains(banner) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> banners = Files.readAllLines(log("first")).stream().filter(l -> l.contains(BANNER)).toList();
        assertThat(banners).hasSize(1);
        assertThat(banners.get(0)).contains(banner);
    }

    @Test
    void aStartWhosePortIsTakenFailsWithoutSayingItIsUp() throws Exception {
        Process second = start("port-taken", false);
        try {
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the second start gave up").isTrue();
            assertThat(second.exitValue()).isNotZero();
            String log = Files.readString(log("port-taken"));
            assertThat(log).containsIgnoringCase("in use").doesNotContain(BANNER);
        } finally {
            stop(second);
        }
    }

    private static RequestSpecification partner(String apiKey) {
        return given().baseUri(url).auth().oauth2(apiKey).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Path log(String name) {
        return Path.of("target", "packaged-" + name + ".log");
    }

    /** The jar on {@link #port}: the database URL without a schema, the schema by {@code MOMENTS_SCHEMA}. */
    private static Process start(String name, boolean emptySchema) throws IOException {
        ProcessBuilder builder = PackagedJar.process("384m", log(name));
        Map<String, String> env = builder.environment();
        env.remove("MOMENTS_PUBLIC_URL");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", DATABASE);
        env.put("MOMENTS_SCHEMA", SCHEMA);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", Boolean.toString(!emptySchema));
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(emptySchema));
        env.put("MOMENTS_ADMIN_TOKEN", ADMIN_TOKEN);
        return builder.start();
    }
}
