package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the money went, over HTTP: a moment's ledger, and the monthly statement as JSON and CSV. */
@QuarkusTest
class StatementsTest {

    private static final String QUOTED_NAME = "Spend, then \"spend\" again";

    /** A partner whose launched moment paid two awards and got a top-up afterwards. */
    private record Scenario(Api api, String moment, List<String> awards) {
    }

    private static Scenario twoAwardsThenATopUp() {
        Api api = Api.newPartner();
        String moment = api.launchedSpendMoment("100.00", "10.00");
        List<String> awards = new ArrayList<>();
        for (String user : List.of("u-1", "u-2")) {
            awards.add(api.order(Api.uniqueId("evt-"), user, 30).statusCode(200)
                    .body("awards", hasSize(1)).extract().path("awards[0].id"));
        }
        api.request().body(Map.of("amount", "50.00")).post("/v1/moments/" + moment + "/budget/top-up")
                .then().statusCode(200);
        return new Scenario(api, moment, awards);
    }

    @Test
    void theLedgerListsEveryMovementInOrderAndAddsUpToTheBudget() {
        Scenario s = twoAwardsThenATopUp();

        JsonPath ledger = s.api().request().get("/v1/moments/" + s.moment() + "/ledger").then().statusCode(200)
                .body("next", nullValue())
                .extract().jsonPath();
        assertThat(ledger.getList("items.kind", String.class)).containsExactly("TOP_UP", "RESERVE", "RESERVE",
                "TOP_UP");
        assertThat(ledger.getList("items.amount", String.class)).containsExactly("100.00", "10.00", "10.00",
                "50.00");
        assertThat(ledger.getList("items.currency", String.class)).containsOnly("USD");
        assertThat(ledger.getList("items.awardId", String.class)).containsExactly(null, s.awards().get(0),
                s.awards().get(1), null);
        assertThat(ledger.getList("items.at", String.class)).allSatisfy(at -> assertThat(at).endsWith("Z"));
        assertThat(ledger.getList("items.sequence", Long.class)).isSorted().doesNotHaveDuplicates();

        JsonPath moment = s.api().moment(s.moment()).extract().jsonPath();
        assertThat(money(moment.getString("budget.total"))).isEqualByComparingTo(sum(ledger, "TOP_UP"));
        assertThat(money(moment.getString("budgetState.reserved")))
                .isEqualByComparingTo(sum(ledger, "RESERVE").subtract(sum(ledger, "RELEASE"))
                        .subtract(sum(ledger, "SETTLE")));
        assertThat(moment.getString("budgetState.reserved")).isEqualTo("20.00");
        assertThat(moment.getString("budgetState.remaining")).isEqualTo("130.00");
    }

    @Test
    void theLedgerPagesWithoutGapsOrRepeats() {
        Scenario s = twoAwardsThenATopUp();
        String path = "/v1/moments/" + s.moment() + "/ledger";
        List<Long> all = s.api().request().get(path).then().statusCode(200).extract().jsonPath()
                .getList("items.sequence", Long.class);

        JsonPath first = s.api().request().get(path + "?limit=3").then().statusCode(200)
                .body("items", hasSize(3)).extract().jsonPath();
        String next = first.getString("next");
        assertThat(next).isNotNull();
        JsonPath second = s.api().request().get(path + "?limit=3&after=" + next).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("TOP_UP"))
                .body("next", nullValue())
                .extract().jsonPath();

        List<Long> paged = new ArrayList<>(first.getList("items.sequence", Long.class));
        paged.addAll(second.getList("items.sequence", Long.class));
        assertThat(paged).isEqualTo(all);

        s.api().request().get(path + "?after=mom_not-a-sequence").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        s.api().request().get(path + "?limit=0").then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theStatementOfTheCurrentMonthShowsWhatEachMomentCost() {
        Scenario s = twoAwardsThenATopUp();
        String quiet = s.api().createMoment(Map.of("kind", "event", "event", "signup"),
                Map.of("name", QUOTED_NAME));
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        JsonPath statement = s.api().request().get("/v1/statement?month=" + month).then().statusCode(200)
                .contentType("application/json")
                .body("month", equalTo(month))
                .body("currency", equalTo("USD"))
                .body("moments", hasSize(2))
                .body("totals.actionsPaid", equalTo(2))
                .body("totals.reserved", equalTo("20.00"))
                .body("totals.released", equalTo("0.00"))
                .body("totals.settled", equalTo("0.00"))
                .body("totals.charged", equalTo("20.00"))
                .extract().jsonPath();
        Map<String, Object> busy = line(statement, s.moment());
        assertThat(busy).containsEntry("name", "Spend at least $25 in one order")
                .containsEntry("actionsPaid", 2)
                .containsEntry("reserved", "20.00")
                .containsEntry("released", "0.00")
                .containsEntry("settled", "0.00")
                .containsEntry("charged", "20.00");
        assertThat(line(statement, quiet)).containsEntry("name", QUOTED_NAME).containsEntry("actionsPaid", 0)
                .containsEntry("reserved", "0.00");

        String csv = s.api().request().accept("text/csv").get("/v1/statement?month=" + month).then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> rows = List.of(csv.split("\r\n"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("moment_id,name,actions_paid,reserved,released,settled,charged,currency");
        assertThat(rows).contains(
                s.moment() + ",Spend at least $25 in one order,2,20.00,0.00,0.00,20.00,USD",
                quiet + ",\"Spend, then \"\"spend\"\" again\",0,0.00,0.00,0.00,0.00,USD");

        s.api().request().get("/v1/statement?month=" + YearMonth.now(ZoneOffset.UTC).plusMonths(1)).then()
                .statusCode(200).body("moments", emptyIterable()).body("totals.charged", equalTo("0.00"));
    }

    @Test
    void anotherPartnerSeesNeitherTheLedgerNorTheStatementLines() {
        Scenario s = twoAwardsThenATopUp();
        Api rival = Api.newPartner();
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        rival.request().get("/v1/moments/" + s.moment() + "/ledger").then().statusCode(404)
                .contentType("application/problem+json");
        rival.request().get("/v1/statement?month=" + month).then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("moments", emptyIterable())
                .body("totals.actionsPaid", equalTo(0))
                .body("totals.reserved", equalTo("0.00"));
        String csv = rival.request().accept("text/csv").get("/v1/statement?month=" + month).then()
                .statusCode(200).extract().asString();
        assertThat(csv).isEqualTo("moment_id,name,actions_paid,reserved,released,settled,charged,currency\r\n");
        given().get("/v1/statement?month=" + month).then().statusCode(401);
        given().get("/v1/moments/" + s.moment() + "/ledger").then().statusCode(401);
    }

    @Test
    void aMonthThatIsNotYearDashMonthIsRefusedNamingTheField() {
        Api api = Api.newPartner();
        for (String query : List.of("?month=2026-13", "?month=2026-1", "?month=november", "")) {
            api.request().get("/v1/statement" + query).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("month"));
        }
        api.request().accept("text/csv").get("/v1/statement?month=2026-13").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/v1/statement"))
                .body("paths", hasKey("/v1/moments/{id}/ledger"));
    }

    private static Map<String, Object> line(JsonPath statement, String moment) {
        List<Map<String, Object>> lines = statement.getList("moments");
        return lines.stream().filter(line -> moment.equals(line.get("momentId"))).findFirst().orElseThrow();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static BigDecimal sum(JsonPath ledger, String kind) {
        List<Map<String, Object>> items = ledger.getList("items");
        return items.stream().filter(item -> kind.equals(item.get("kind")))
                .map(item -> new BigDecimal((String) item.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
