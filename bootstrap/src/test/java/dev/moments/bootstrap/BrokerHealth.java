package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The readiness check {@code broker} of the service under test. */
final class BrokerHealth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrokerHealth() {
    }

    /** The check once it says UP: its {@code data} names the broker and each of its channels. */
    static JsonNode up() {
        return Eventually.until("the broker check UP", BrokerHealth::check,
                check -> check != null && "UP".equals(check.path("status").asText()));
    }

    private static JsonNode check() {
        try {
            JsonNode checks = JSON.readTree(given().get("/q/health/ready").then().extract().asString()).path("checks");
            for (JsonNode check : checks) {
                if ("broker".equals(check.path("name").asText())) {
                    return check;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
