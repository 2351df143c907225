package dev.moments.adapter.rest;

import static dev.moments.adapter.rest.Samples.databaseDown;
import static dev.moments.adapter.rest.Samples.explanation;
import static dev.moments.adapter.rest.Samples.page;
import static dev.moments.adapter.rest.TestCredentials.PARTNER;
import static dev.moments.adapter.rest.TestCredentials.anonymously;
import static dev.moments.adapter.rest.TestCredentials.asPartner;
import static dev.moments.domain.fixtures.Fixtures.USD;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.Statement;
import dev.moments.domain.moment.MomentId;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partner's read-only views: a moment's ledger, the monthly statement and a user's explanation. */
@QuarkusTest
class PartnerReportsResourcesTest {

    @InjectMock
    GetLedgerQuery ledger;

    @InjectMock
    ExplainProgressQuery explain;

    @Test
    void aMomentsLedgerIsListedPageByPage() {
        when(ledger.ledger(eq(PARTNER), eq(new MomentId("mom_1")), any())).thenReturn(page(List.of()));

        asPartner().get("/v1/moments/mom_1/ledger?limit=10").then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void theLedgerOfAnotherPartnersMomentIs404() {
        when(ledger.ledger(eq(PARTNER), eq(new MomentId("mom_x")), any()))
                .thenThrow(new NotFoundException("moment", "mom_x"));

        asPartner().get("/v1/moments/mom_x/ledger").then()
                .statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void theStatementIsJsonByDefault_andCsvWhenAskedFor() {
        when(ledger.statement(PARTNER, YearMonth.of(2026, 11)))
                .thenReturn(Statement.of(YearMonth.of(2026, 11), USD, List.of()));

        asPartner().get("/v1/statement?month=2026-11").then()
                .statusCode(200)
                .body("month", equalTo("2026-11"))
                .body("totals.charged", equalTo("0.00"));
        asPartner().accept("text/csv").get("/v1/statement?month=2026-11").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void aMonthThatIsNotYyyyMmIs422NamingIt() {
        asPartner().get("/v1/statement?month=November").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("month"));
        verifyNoInteractions(ledger);
    }

    @Test
    void aStatementInAFormatItDoesNotComeInIs406() {
        asPartner().accept("application/xml").get("/v1/statement?month=2026-11").then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void aStatementWhileTheDatabaseIsDownIs503WithRetryAfter() {
        when(ledger.statement(any(), any())).thenThrow(databaseDown());

        asPartner().get("/v1/statement?month=2026-11").then()
                .statusCode(503)
                .header("Retry-After", "5");
    }

    @Test
    void aUsersProgressIsExplained() {
        when(explain.explain(PARTNER, "u-1", new MomentId("mom_1"))).thenReturn(explanation("u-1"));

        asPartner().get("/v1/users/u-1/moments/mom_1").then()
                .statusCode(200)
                .body("userId", equalTo("u-1"))
                .body("progress.complete", equalTo(false))
                .body("reasons[0]", equalTo("NOT_COMPLETED"));
    }

    @Test
    void theExplanationOnAnotherPartnersMomentIs404() {
        when(explain.explain(PARTNER, "u-1", new MomentId("mom_x"))).thenThrow(new NotFoundException("moment",
                "mom_x"));

        asPartner().get("/v1/users/u-1/moments/mom_x").then().statusCode(404);
    }

    @Test
    void withoutAnApiKeyNoReportIsShown_401() {
        anonymously().get("/v1/moments/mom_1/ledger").then().statusCode(401);
        anonymously().get("/v1/statement?month=2026-11").then().statusCode(401);
        anonymously().get("/v1/users/u-1/moments/mom_1").then().statusCode(401);
        verifyNoInteractions(ledger, explain);
    }
}
