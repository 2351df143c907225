package dev.moments.bootstrap;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@link Api} for the console's browser test, which lives in the {@code web} package beside {@code Browser}. */
public final class ConsoleApi {

    private final Api api;

    private ConsoleApi(Api api) {
        this.api = api;
    }

    /** A new partner, created through the admin API. */
    public static ConsoleApi newPartner() {
        return new ConsoleApi(Api.newPartner());
    }

    public String apiKey() {
        return api.apiKey;
    }

    /** A 5.00 sandbox store credit. */
    public String createReward(String cost) {
        return api.createReward(cost);
    }

    /** A launched moment with this trigger and the defaults of {@link Api#createMoment}. */
    public String launchedMoment(Map<String, Object> trigger, Map<String, Object> extra) {
        return api.launchedMoment(trigger, extra);
    }

    /** Sends one event now; answers the response (its {@code awards} and {@code holdout}). */
    public JsonPath event(String type, String userId, Map<String, ?> properties) {
        return api.event(type, userId, Instant.now(), properties).extract().jsonPath();
    }

    /** The moments the event's user is held out of, from the event's response. */
    public static List<String> holdout(JsonPath response) {
        return response.getList("holdout");
    }

    public String status(String moment) {
        return api.moment(moment).extract().path("status");
    }
}
