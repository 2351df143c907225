package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moments.domain.moment.HoldoutBucket;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.Variant;
import dev.moments.domain.moment.VariantBucket;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Variants end to end against PostgreSQL: each treatment user given one variant by the moment's hash when first
 * reaching it, and keeping it; each award charged its variant's price from the one budget and offering its variant's
 * rewards; the report's variants, each against the one control arm.
 */
@QuarkusTest
class VariantsTest {

    private static final int USERS = 200;

    @Test
    void eachTreatmentUserKeepsTheVariantOfTheirFirstReach_paysItsPrice_andIsOfferedItsRewards() {
        Api acme = Api.newPartner();
        String five = acme.createReward("5.00");
        String eight = acme.createReward("8.00");
        String moment = acme.launchedMoment(Map.of("kind", "event", "event", "order.completed"), Map.of(
                "holdoutPercent", 20, "limits", Map.of("perUser", 10),
                "budget", Map.of("currency", "USD", "total", "10000.00", "costPerAction", "10.00"),
                "variants", List.of(variant("A", 50, "5.00", five), variant("B", 50, "10.00", eight))));
        acme.moment(moment).body("variants.name", equalTo(List.of("A", "B")))
                .body("variants[0].costPerAction", equalTo("5.00"))
                .body("variants[1].rewards", equalTo(List.of(eight)));

        Map<String, String> given = orders(acme, "first");
        List<Variant> variants = List.of(new Variant("A", 50, null, List.of()), new Variant("B", 50, null, List.of()));
        given.forEach((user, variant) -> assertThat(variant).as("the moment's hash names the variant of " + user)
                .isEqualTo(VariantBucket.of(new MomentId(moment), user, variants).name()));
        assertThat(given.values()).as("both variants given").contains("A", "B");
        assertThat(given.keySet()).as("the treatment arm, all paid; the control arm, nothing").isEqualTo(
                IntStream.range(0, USERS).mapToObj(i -> "user-" + i)
                        .filter(user -> HoldoutBucket.of(new MomentId(moment), user) >= 20)
                        .collect(Collectors.toSet()));

        // weights edited: the users who reached the moment keep their variant, a new user follows the new weights
        acme.request().post("/v1/moments/" + moment + "/pause").then().statusCode(200);
        acme.request().contentType("application/merge-patch+json").body(Map.of("variants",
                        List.of(variant("A", 1, "5.00", five), variant("B", 1000, "10.00", eight))))
                .patch("/v1/moments/" + moment).then().statusCode(200).body("variants[1].weight", equalTo(1000));
        acme.request().post("/v1/moments/" + moment + "/resume").then().statusCode(200);
        assertThat(orders(acme, "second")).as("kept from the first reach").isEqualTo(given);

        List<JsonNode> awards = Api.awardsOf(acme::request, moment);
        assertThat(awards).hasSize(2 * given.size());
        BigDecimal reserved = BigDecimal.ZERO;
        for (JsonNode award : awards) {
            String variant = award.get("variant").asText();
            assertThat(award.get("reserved").asText()).isEqualTo(variant.equals("A") ? "5.00" : "10.00");
            reserved = reserved.add(new BigDecimal(award.get("reserved").asText()));
        }
        acme.moment(moment).body("budgetState.reserved", equalTo(reserved.setScale(2).toPlainString()));

        JsonNode a = awards.stream().filter(award -> award.get("variant").asText().equals("A")).findFirst()
                .orElseThrow();
        String token = acme.request().get("/v1/awards/" + a.get("id").asText()).then().statusCode(200)
                .extract().path("redeemUrl");
        token = token.substring(token.lastIndexOf('/') + 1);
        JsonPath page = acme.request().get("/api/redeem/" + token).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("rewards.id")).as("variant A's rewards only").containsExactly(five);
        acme.request().body(Map.of("rewardId", eight)).post("/api/redeem/" + token + "/claim").then()
                .statusCode(422);

        JsonPath report = acme.request().get("/v1/moments/" + moment + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("variants.name")).containsExactly("A", "B");
        long users = 0;
        for (int i = 0; i < 2; i++) {
            String name = report.getString("variants[" + i + "].name");
            long expected = given.values().stream().filter(name::equals).count();
            assertThat(report.getLong("variants[" + i + "].users")).isEqualTo(expected);
            assertThat(report.getLong("variants[" + i + "].completed")).isEqualTo(expected);
            assertThat(report.getDouble("variants[" + i + "].rate")).isEqualTo(1.0);
            assertThat(report.getList("variants[" + i + "].liftCi95")).hasSize(2);
            assertThat(report.getString("variants[" + i + "].spend")).isEqualTo("0.00");
            assertThat(report.getString("variants[" + i + "].reserved"))
                    .isEqualTo(new BigDecimal(name.equals("A") ? "10.00" : "20.00")
                            .multiply(BigDecimal.valueOf(expected)).toPlainString());
            users += expected;
        }
        assertThat(users).isEqualTo(report.getLong("holdout.treatmentUsers"));
    }

    @Test
    void variantsAreCheckedAsTheMomentsOwnFieldsAre() {
        Api acme = Api.newPartner();
        String five = acme.createReward("5.00");
        String eight = acme.createReward("8.00");
        refused(acme, List.of(variant("A", 50, null, null)), "variants");
        refused(acme, List.of(variant("A", 50, null, null), variant("A", 50, null, null)), "variants");
        refused(acme, List.of(variant("A", 0, null, null), variant("B", 50, null, null)), "variants[0].weight");
        refused(acme, List.of(variant("A", 50, "five", null), variant("B", 50, null, null)),
                "variants[0].costPerAction");
        refused(acme, List.of(variant("A", 50, "5.00", eight), variant("B", 50, null, null)),
                "variants[0].rewards[0]");
        refused(acme, List.of(variant("A", 50, null, "rwd_nope"), variant("B", 50, null, null)),
                "variants[0].rewards[0]");
        refused(acme, List.of(variant("", 50, null, null), variant("B", 50, null, null)), "variants[0].name");
        refused(acme, List.of(variant("A", 50, "4.00", null), variant("B", 50, null, null)),
                "variants[0].costPerAction"); // the moment's 5.00 reward, offered at 4.00

        String moment = acme.createMoment(Map.of("kind", "event", "event", "order.completed"),
                Map.of("variants", List.of(variant("A", 1, null, five), variant("B", 3, null, null))));
        acme.moment(moment).body("variants[0].costPerAction", equalTo(null))
                .body("variants[1].rewards", equalTo(null)).body("variants[1].weight", equalTo(3));
        acme.request().contentType("application/merge-patch+json").body(new HashMap<>(Map.of("name", "No test")))
                .patch("/v1/moments/" + moment).then().statusCode(200).body("variants.name",
                        equalTo(List.of("A", "B")));
        Map<String, Object> removal = new HashMap<>();
        removal.put("variants", null);
        acme.request().contentType("application/merge-patch+json").body(removal)
                .patch("/v1/moments/" + moment).then().statusCode(200).body("variants", equalTo(null));
    }

    /** An order of each of {@link #USERS} users; answers the variant of each user paid. */
    private static Map<String, String> orders(Api partner, String round) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            events.add(Map.of("id", round + "-" + i, "type", "order.completed", "userId", "user-" + i));
        }
        JsonPath results = partner.request().body(Map.of("events", events)).post("/v1/events/batch").then()
                .statusCode(200).extract().jsonPath();
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < USERS; i++) {
            List<String> variants = results.getList("results[" + i + "].awards.variant");
            if (!variants.isEmpty()) {
                given.put("user-" + i, variants.get(0));
            }
        }
        return given;
    }

    private static Map<String, Object> variant(String name, int weight, String costPerAction, String reward) {
        Map<String, Object> variant = new LinkedHashMap<>(Map.of("name", name, "weight", weight));
        if (costPerAction != null) {
            variant.put("costPerAction", costPerAction);
        }
        if (reward != null) {
            variant.put("rewards", List.of(reward));
        }
        return variant;
    }

    private static void refused(Api partner, List<Map<String, Object>> variants, String field) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "A/B", "trigger",
                Map.of("kind", "event", "event", "order.completed"), "rewards", List.of(partner.createReward("5.00")),
                "budget", Map.of("currency", "USD", "total", "100.00", "costPerAction", "6.00")));
        body.put("variants", variants);
        partner.request().body(body).post("/v1/moments").then().statusCode(422)
                .body("errors[0].field", equalTo(field));
    }
}
