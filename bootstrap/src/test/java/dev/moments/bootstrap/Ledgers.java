package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Checks through the API that a moment's ledger adds up to the budget state the moment shows. */
final class Ledgers {

    private Ledgers() {
    }

    static void assertBalanced(Api partner, String moment) {
        assertBalanced(partner::request, moment);
    }

    /**
     * Top-ups add up to the total, reservations less releases and settlements to what is reserved, settlements less
     * refunds to what is spent, and the total less both to what remains. Reads every page of {@code GET /v1/moments/{id}/ledger}.
     */
    static void assertBalanced(Supplier<RequestSpecification> request, String moment) {
        BigDecimal topUps = BigDecimal.ZERO;
        BigDecimal reserves = BigDecimal.ZERO;
        BigDecimal releases = BigDecimal.ZERO;
        BigDecimal settlements = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        String after = null;
        do {
            JsonPath page = request.get().queryParam("limit", 100)
                    .queryParams(after == null ? Map.of() : Map.of("after", after))
                    .get("/v1/moments/" + moment + "/ledger").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                BigDecimal amount = new BigDecimal((String) item.get("amount"));
                switch ((String) item.get("kind")) {
                    case "TOP_UP" -> topUps = topUps.add(amount);
                    case "RESERVE" -> reserves = reserves.add(amount);
                    case "RELEASE" -> releases = releases.add(amount);
                    case "SETTLE" -> settlements = settlements.add(amount);
                    case "REFUND" -> refunds = refunds.add(amount);
                    default -> throw new AssertionError("unknown ledger entry kind " + item.get("kind"));
                }
            }
            after = page.getString("next");
        } while (after != null);

        JsonPath state = request.get().get("/v1/moments/" + moment).then().statusCode(200).extract().jsonPath();
        BigDecimal reserved = new BigDecimal(state.getString("budgetState.reserved"));
        BigDecimal spent = new BigDecimal(state.getString("budgetState.spent"));
        BigDecimal remaining = new BigDecimal(state.getString("budgetState.remaining"));
        assertThat(reserves.subtract(releases).subtract(settlements)).as("reserved per the ledger of %s", moment)
                .isEqualByComparingTo(reserved);
        assertThat(settlements.subtract(refunds)).as("spent per the ledger of %s", moment).isEqualByComparingTo(spent);
        assertThat(topUps.subtract(reserved).subtract(spent)).as("remaining per the ledger of %s", moment)
                .isEqualByComparingTo(remaining);
        assertThat(topUps).as("top-ups of %s", moment)
                .isEqualByComparingTo(new BigDecimal(state.getString("budget.total")));
    }
}
