package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.testkit.EventResult;
import dev.moments.testkit.MomentsTestEngine;
import dev.moments.testkit.ProblemException;
import dev.moments.testkit.TestBudget;
import dev.moments.testkit.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promise of the testkit: the same moment JSON and the same events give the same awards in the testkit as in the
 * service. One scenario (CEL conditions over event and user, a count within a window, per-user limits, a budget that
 * runs out, a duplicate, invalid bodies, a claim) runs through both, and what each answers is compared step by step,
 * with the ids of each side replaced by the names of what they identify.
 */
@QuarkusTest
class TestkitParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String REWARD = """
            {"name": "$5 store credit", "kind": "CREDIT", "cost": "5.00", "currency": "USD",
             "fulfillment": {"provider": "sandbox"}}""";

    /** Moments by name; {@code %s} is the reward's id. Both start before every event and run in UTC. */
    private static final Map<String, String> MOMENTS = Map.of(
            "big-order", """
                    {"name": "big-order",
                     "trigger": {"kind": "event", "event": "order.completed",
                                 "where": "event.total >= 25.0 && !(user.tier in ['staff'])"},
                     "schedule": {"startsAt": "2026-01-01T00:00:00Z"},
                     "budget": {"currency": "USD", "total": "30.00", "costPerAction": "10.00"},
                     "rewards": ["%s"]}""",
            "second-order", """
                    {"name": "second-order",
                     "trigger": {"kind": "count", "event": "order.completed", "atLeast": 2, "within": "P45D",
                                 "where": "event.items.exists(i, i.category == 'books')"},
                     "schedule": {"startsAt": "2026-01-01T00:00:00Z"},
                     "budget": {"currency": "USD", "total": "100.00", "costPerAction": "6.00"},
                     "rewards": ["%s"], "limits": {"perUser": 2}}""");

    /** The events, in order: each is sent once, the duplicate twice. */
    private static final List<String> EVENTS = List.of(
            order("o-1", "u-1", "2026-02-01T10:00:00Z", "42.50", "books", "gold"),
            order("o-2", "u-2", "2026-02-01T11:00:00Z", "10", "books", "gold"),
            order("o-3", "u-3", "2026-02-01T12:00:00Z", "99.99", "music", "staff"),
            order("o-1", "u-1", "2026-02-01T10:00:00Z", "42.50", "books", "gold"),
            order("o-4", "u-2", "2026-02-20T09:00:00Z", "30", "books", "gold"),
            order("o-5", "u-1", "2026-03-01T09:00:00Z", "31", "books", "gold"),
            order("o-6", "u-4", "2026-03-02T09:00:00Z", "26", "music", "silver"),
            order("o-7", "u-5", "2026-03-03T09:00:00Z", "27", "books", "silver"),
            order("o-8", "u-2", "2026-05-01T09:00:00Z", "5", "books", "gold"),
            order("o-9", "u-2", "2026-05-02T09:00:00Z", "5", "books", "gold"),
            order("o-10", "u-2", "2026-05-03T09:00:00Z", "5", "books", "gold"),
            """
                    {"id": "bad-1", "type": "order.completed", "userId": 7}""",
            """
                    {"id": "bad-2", "type": "order.completed", "userId": "u-9", "occurredAt": "yesterday"}""");

    private static final List<String> USERS = List.of("u-1", "u-2", "u-3", "u-4", "u-5");

    private static String order(String id, String user, String at, String total, String category, String tier) {
        return """
                {"id": "%s", "type": "order.completed", "userId": "%s", "occurredAt": "%s",
                 "properties": {"total": %s, "items": [{"sku": "x", "category": "%s"}]},
                 "user": {"tier": "%s"}}""".formatted(id, user, at, total, category, tier);
    }

    @Test
    void theSameScenarioGivesTheSameAnswersInTheTestkitAndTheService() throws Exception {
        List<Object> inTheTestkit = throughTheTestkit();
        List<Object> inTheService = throughTheService();

        assertThat(inTheService).hasSameSizeAs(inTheTestkit);
        for (int step = 0; step < inTheTestkit.size(); step++) {
            assertThat(inTheService.get(step)).as("step %d", step).isEqualTo(inTheTestkit.get(step));
        }
        assertThat(inTheTestkit.toString()).as("the scenario earns awards, refuses some and exhausts a budget")
                .contains("award big-order u-1", "award second-order u-2", "LIMIT_PER_USER", "EXHAUSTED",
                        "/problems/invalid-value userId", "claimed FULFILLED", "/problems/already-claimed");
    }

    private List<Object> throughTheTestkit() {
        MomentsTestEngine engine = MomentsTestEngine.startingAt(Instant.now());
        TestPartner acme = engine.partner("Acme Shop", "USD");
        String reward = acme.createReward(REWARD);
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> moment : MOMENTS.entrySet()) {
            String id = acme.createMoment(moment.getValue().formatted(reward));
            acme.launch(id);
            names.put(id, moment.getKey());
        }
        List<Object> steps = new ArrayList<>();
        String firstToken = null;
        for (String event : EVENTS) {
            try {
                EventResult result = acme.send(event);
                List<String> step = new ArrayList<>(List.of("duplicate " + result.duplicate()));
                result.awards().forEach(award -> step.add("award " + names.get(award.momentId()) + " "
                        + award.userId() + " " + award.status() + " " + plain(award.reserved())));
                result.progress().forEach(progress -> step.add("progress " + names.get(progress.momentId()) + " "
                        + progress.complete() + " " + plain(progress.current()) + "/" + plain(progress.target())));
                steps.add(sorted(step));
                if (firstToken == null && !result.awards().isEmpty()) {
                    firstToken = result.awards().get(0).redeemToken();
                }
            } catch (ProblemException problem) {
                steps.add(List.of(problem.status() + " " + problem.type() + " " + fields(problem)));
            }
        }
        steps.add("claimed " + acme.claim(firstToken, reward));
        try {
            acme.claim(firstToken, reward);
        } catch (ProblemException problem) {
            steps.add("claimed again " + problem.status() + " " + problem.type());
        }
        for (Map.Entry<String, String> moment : names.entrySet()) {
            TestBudget budget = acme.budget(moment.getKey());
            steps.add(moment.getValue() + " " + acme.status(moment.getKey()) + " reserved " + plain(budget.reserved())
                    + " spent " + plain(budget.spent()) + " remaining " + plain(budget.remaining()));
            for (String user : USERS) {
                steps.add(moment.getValue() + " " + user + " "
                        + acme.explain(user, moment.getKey()).reasons());
            }
        }
        return steps;
    }

    private List<Object> throughTheService() throws Exception {
        Api api = Api.newPartner();
        String reward = api.request().body(REWARD).post("/v1/rewards").then().statusCode(201).extract().path("id");
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> moment : MOMENTS.entrySet()) {
            String id = api.request().body(moment.getValue().formatted(reward)).post("/v1/moments")
                    .then().statusCode(201).extract().path("id");
            api.launch(id);
            names.put(id, moment.getKey());
        }
        List<Object> steps = new ArrayList<>();
        String firstToken = null;
        for (String event : EVENTS) {
            Response response = api.request().body(event).post("/v1/events");
            JsonNode body = JSON.readTree(response.asString());
            if (response.statusCode() != 200) {
                steps.add(List.of(response.statusCode() + " " + body.path("type").asText() + " " + fields(body)));
                continue;
            }
            List<String> step = new ArrayList<>(List.of("duplicate " + body.path("duplicate").asBoolean()));
            for (JsonNode award : body.path("awards")) {
                JsonNode shown = JSON.readTree(api.request().get("/v1/awards/" + award.path("id").asText())
                        .then().statusCode(200).extract().asString());
                step.add("award " + names.get(award.path("momentId").asText()) + " " + shown.path("userId").asText()
                        + " " + award.path("status").asText() + " " + plain(shown.path("reserved")));
                if (firstToken == null) {
                    String url = award.path("redeemUrl").asText();
                    firstToken = url.substring(url.lastIndexOf('/') + 1);
                }
            }
            for (JsonNode progress : body.path("progress")) {
                step.add("progress " + names.get(progress.path("momentId").asText()) + " "
                        + progress.path("complete").asBoolean() + " " + plain(progress.path("current"))
                        + "/" + plain(progress.path("target")));
            }
            steps.add(sorted(step));
        }
        String claimBody = "{\"rewardId\": \"" + reward + "\"}";
        steps.add("claimed " + api.request().body(claimBody).post("/api/redeem/" + firstToken + "/claim")
                .then().statusCode(200).extract().path("status"));
        Response again = api.request().body(claimBody).post("/api/redeem/" + firstToken + "/claim");
        steps.add("claimed again " + again.statusCode() + " " + again.path("type"));
        for (Map.Entry<String, String> moment : names.entrySet()) {
            JsonNode view = JSON.readTree(api.request().get("/v1/moments/" + moment.getKey())
                    .then().statusCode(200).extract().asString());
            JsonNode state = view.path("budgetState");
            steps.add(moment.getValue() + " " + view.path("status").asText() + " reserved "
                    + plain(state.path("reserved")) + " spent " + plain(state.path("spent"))
                    + " remaining " + plain(state.path("remaining")));
            for (String user : USERS) {
                JsonNode explanation = JSON.readTree(api.request()
                        .get("/v1/users/" + user + "/moments/" + moment.getKey())
                        .then().statusCode(200).extract().asString());
                List<String> reasons = new ArrayList<>();
                explanation.path("reasons").forEach(reason -> reasons.add(reason.asText()));
                steps.add(moment.getValue() + " " + user + " " + reasons);
            }
        }
        return steps;
    }

    private static List<String> sorted(List<String> step) {
        List<String> copy = new ArrayList<>(step);
        copy.sort(null);
        return copy;
    }

    private static String fields(ProblemException problem) {
        return String.join(",", problem.errors().stream().map(ProblemException.FieldError::field).toList());
    }

    private static String fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return String.join(",", fields);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** A decimal of a response, a JSON number (progress) or a decimal string (money). */
    private static String plain(JsonNode value) {
        assertThat(value.isNumber() || value.isTextual()).as("a decimal: %s", value).isTrue();
        return plain(new BigDecimal(value.asText()));
    }
}
