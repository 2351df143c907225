package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A scripted abuse scenario against PostgreSQL, as a partner would live it: one phone farming twenty user ids, one
 * client address spraying completions, a blocked e-mail address, honest users, and high-value completions held for
 * review. Each abuser meets the refusal meant for them, the review queue holds what it should, and at the end the
 * money adds up: reserved and spent never exceed the total, each ledger sums to its budget, and what was rejected or
 * cancelled is released.
 */
@QuarkusTest
class AbuseScenarioTest {

    private static final Map<String, Object> FIRST_PURCHASE = Map.of("kind", "event", "event", "purchase.completed");
    private static final Map<String, Object> BIG_ORDER = Map.of("kind", "event", "event", "order.completed",
            "where", "event.total >= 500");

    @Test
    void farmingSprayingABlockedAddressAndHighValueReviews_endWithTheExpectedRefusalsQueueAndMoney() {
        Api shop = Api.newPartner();
        String everyday = shop.launchedMoment(FIRST_PURCHASE, Map.of(
                "budget", Map.of("currency", "USD", "total", "500.00", "costPerAction", "10.00"),
                "limits", Map.of("perDevice", 3, "perIp", Map.of("max", 5, "within", "P1D"))));
        String highValue = shop.launchedMoment(BIG_ORDER, Map.of(
                "budget", Map.of("currency", "USD", "total", "1000.00", "costPerAction", "60.00"),
                "review", Map.of("above", "50.00", "autoRejectAfter", "P14D")));
        String blocked = shop.request().body(Map.of("kind", "email", "value", "Mule@Example.com",
                "reason", "chargebacks")).post("/v1/blocklist").then().statusCode(201).extract().path("id");

        Map<String, Integer> paid = new TreeMap<>();
        // one phone, twenty user ids, each from its own address: three are paid, the device's limit
        for (int i = 0; i < 20; i++) {
            count(paid, "farm", purchase(shop, "farm-" + i, "dev-farm", "203.0.113." + (10 + i), null));
        }
        // one address, twelve devices: five are paid, the address's limit within a day
        for (int i = 0; i < 12; i++) {
            count(paid, "spray", purchase(shop, "spray-" + i, "dev-spray-" + i, "198.51.100.66", null));
        }
        // a blocked address, written twice as differently as people type it
        count(paid, "mule", purchase(shop, "mule-1", "dev-mule-1", "192.0.2.1", "mule@example.com"));
        count(paid, "mule", purchase(shop, "mule-2", "dev-mule-2", "192.0.2.2", " MULE@example.COM"));
        // honest users
        for (int i = 0; i < 5; i++) {
            count(paid, "honest", purchase(shop, "honest-" + i, "dev-honest-" + i, "192.0.2." + (100 + i),
                    "honest" + i + "@example.com"));
        }
        assertThat(paid).containsExactlyEntriesOf(new TreeMap<>(Map.of("farm", 3, "spray", 5, "mule", 0,
                "honest", 5)));
        shop.explain("farm-3", everyday).body("lastRefusal", equalTo("LIMIT_PER_DEVICE"));
        shop.explain("farm-19", everyday).body("lastRefusal", equalTo("LIMIT_PER_DEVICE"));
        shop.explain("spray-5", everyday).body("lastRefusal", equalTo("VELOCITY_IP"));
        shop.explain("mule-2", everyday).body("lastRefusal", equalTo("BLOCKED"));
        shop.explain("honest-0", everyday).body("lastRefusal", equalTo(null));

        // three high-value orders wait for review, reserved, not yet usable
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Map<String, Object>> awards = shop.event(Map.of("type", "order.completed", "userId", "honest-" + i,
                    "occurredAt", Instant.now().toString(), "properties", Map.of("total", 800)))
                    .extract().jsonPath().getList("awards");
            assertThat(awards).singleElement().satisfies(award -> assertThat(award.get("status"))
                    .isEqualTo("PENDING_REVIEW"));
            held.add((String) awards.get(0).get("id"));
        }
        assertThat(shop.request().get("/v1/reviews").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactlyElementsOf(held);
        shop.request().post("/v1/awards/" + held.get(0) + "/approve").then().statusCode(200)
                .body("status", equalTo("EARNED"));
        shop.request().body(Map.of("reason", "order refunded")).post("/v1/awards/" + held.get(1) + "/reject")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(shop.request().get("/v1/reviews").then().extract().jsonPath().getList("items.id", String.class))
                .containsExactly(held.get(2));

        // the farm's phone is blocked after the fact: its three unclaimed awards are cancelled at once
        String farm = shop.request().body(Map.of("kind", "device", "value", "dev-farm")).post("/v1/blocklist")
                .then().statusCode(201).extract().path("id");
        shop.request().post("/v1/blocklist/" + farm + "/cancel-awards").then().statusCode(200)
                .body("cancelled", equalTo(3));
        shop.request().post("/v1/blocklist/" + blocked + "/cancel-awards").then().statusCode(200)
                .body("cancelled", equalTo(0));

        // the money: 10 everyday awards stand (5 sprayed, 5 honest), 2 high-value ones (approved, still held)
        budget(shop, everyday, "500.00", "100.00");
        budget(shop, highValue, "1000.00", "120.00");
        assertThat(statuses(shop, everyday)).containsExactlyEntriesOf(new TreeMap<>(Map.of("CANCELLED", 3,
                "EARNED", 10)));
        assertThat(statuses(shop, highValue)).containsExactlyEntriesOf(new TreeMap<>(Map.of("CANCELLED", 1,
                "EARNED", 1, "PENDING_REVIEW", 1)));
        Ledgers.assertBalanced(shop, everyday);
        Ledgers.assertBalanced(shop, highValue);

        JsonPath audit = shop.request().get("/v1/audit?limit=500").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action", String.class)).contains("review.approved", "review.rejected",
                "POST /v1/blocklist", "POST /v1/blocklist/" + farm + "/cancel-awards");
    }

    /** A first purchase of {@code user} on a device, from an address, with an e-mail address (or none). */
    private static int purchase(Api partner, String user, String device, String ip, String email) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "purchase.completed", "userId", user,
                "deviceId", device, "context", Map.of("ip", ip), "occurredAt", Instant.now().toString()));
        if (email != null) {
            body.put("user", Map.of("email", email));
        }
        return partner.event(body).extract().jsonPath().getList("awards").size();
    }

    private static void count(Map<String, Integer> paid, String who, int awards) {
        paid.merge(who, awards, Integer::sum);
    }

    /** The moment's budget: reserved as expected, and reserved plus spent within the total. */
    private static void budget(Api partner, String moment, String total, String reserved) {
        JsonPath state = partner.moment(moment).extract().jsonPath();
        assertThat(state.getString("budget.total")).isEqualTo(total);
        assertThat(state.getString("budgetState.reserved")).isEqualTo(reserved);
        assertThat(new BigDecimal(state.getString("budgetState.reserved"))
                .add(new BigDecimal(state.getString("budgetState.spent"))))
                .isLessThanOrEqualTo(new BigDecimal(total));
    }

    private static Map<String, Integer> statuses(Api partner, String moment) {
        Map<String, Integer> statuses = new TreeMap<>();
        Api.awardsOf(partner::request, moment).forEach(award -> statuses.merge(award.get("status").asText(), 1,
                Integer::sum));
        return statuses;
    }
}
