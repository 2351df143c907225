package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.domain.partner.PartnerId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One moment end to end over HTTP against PostgreSQL: the acceptance of the walking skeleton. */
@QuarkusTest
class WalkingSkeletonTest {

    @Inject
    DomainEventOutbox outbox;

    @Test
    void aQualifyingOrderEarnsOneAwardThatOnlyItsPartnerCanRead() {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("100.00", "10.00");
        String eventId = Api.uniqueId("evt-");

        String award = acme.order(eventId, "u-42", 42.50).statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("duplicate", equalTo(false))
                .body("awards", hasSize(1))
                .body("awards[0].momentId", equalTo(moment))
                .body("awards[0].status", equalTo("EARNED"))
                .body("awards[0].announcement", equalTo("You earned a reward!"))
                .body("awards[0].redeemUrl",
                        matchesPattern("http://localhost:" + RestAssured.port + "/r/[A-Za-z0-9_-]{43}"))
                .body("progress[0].complete", equalTo(true))
                .extract().path("awards[0].id");
        String redeemUrl = acme.order(eventId, "u-42", 42.50).statusCode(200)
                .body("duplicate", equalTo(true))
                .body("awards", hasSize(1))
                .body("awards[0].id", equalTo(award))
                .extract().path("awards[0].redeemUrl");

        acme.request().get("/v1/awards/" + award).then().statusCode(200)
                .body("id", equalTo(award))
                .body("status", equalTo("EARNED"))
                .body("userId", equalTo("u-42"))
                .body("redeemUrl", equalTo(redeemUrl));
        acme.request().get("/v1/moments/" + moment).then().statusCode(200)
                .body("budgetState.reserved", equalTo("10.00"))
                .body("budgetState.remaining", equalTo("90.00"))
                .body("budgetState.spent", equalTo("0.00"))
                .body("budgetState.spentToday", equalTo("10.00"));

        acme.request().get("/v1/awards?userId=u-42").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(award))
                .body("next", org.hamcrest.Matchers.nullValue());
        acme.request().get("/v1/awards?momentId=" + moment + "&status=CLAIMED").then().statusCode(200)
                .body("items", emptyIterable());
        acme.request().get("/v1/awards?status=LOST").then().statusCode(422);
        Api.newPartner().request().get("/v1/awards?userId=u-42").then().statusCode(200).body("items", emptyIterable());
        Api.newPartner().request().get("/v1/awards/" + award).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/awards/" + award).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anOrderBelowTwentyFiveEarnsNothing() {
        Api acme = Api.newPartner();
        acme.launchedSpendMoment("100.00", "10.00");
        acme.order(Api.uniqueId("evt-"), "u-7", 10).statusCode(200)
                .body("awards", emptyIterable())
                .body("progress[0].complete", equalTo(false));
    }

    @Test
    void theSameEventIdWithAnotherBodyIsAConflict() {
        Api acme = Api.newPartner();
        acme.launchedSpendMoment("100.00", "10.00");
        String eventId = Api.uniqueId("evt-");
        acme.order(eventId, "u-1", 30).statusCode(200);
        acme.order(eventId, "u-1", 31).statusCode(409).contentType("application/problem+json")
                .body("type", startsWith("/problems/event-id-conflict"));
    }

    @Test
    void givenBudgetForTwoActions_theThirdUserIsRefusedUntilATopUp() {
        Api acme = Api.newPartner();
        String moment = acme.launchedSpendMoment("20.00", "10.00");

        acme.order(Api.uniqueId("evt-"), "u-1", 30).body("awards", hasSize(1));
        acme.order(Api.uniqueId("evt-"), "u-2", 30).body("awards", hasSize(1));
        acme.order(Api.uniqueId("evt-"), "u-3", 30).body("awards", emptyIterable());
        acme.request().get("/v1/moments/" + moment).then().statusCode(200)
                .body("status", equalTo("EXHAUSTED"))
                .body("budgetState.remaining", equalTo("0.00"));

        acme.request().body("{\"amount\": \"10.00\"}").post("/v1/moments/" + moment + "/budget/top-up")
                .then().statusCode(200)
                .body("status", equalTo("LIVE"))
                .body("budget.total", equalTo("30.00"))
                .body("budgetState.remaining", equalTo("10.00"));

        acme.order(Api.uniqueId("evt-"), "u-4", 30).body("awards", hasSize(1));
        acme.order(Api.uniqueId("evt-"), "u-5", 30).body("awards", emptyIterable());
        acme.request().get("/v1/moments/" + moment).then().body("status", equalTo("EXHAUSTED"))
                .body("budgetState.reserved", equalTo("30.00"));

        List<String> events = outbox.recent(new PartnerId(acme.partnerId), 100).stream()
                .map(DomainEventOutbox.OutboxEvent::type).toList();
        org.assertj.core.api.Assertions.assertThat(events).filteredOn(type -> type.startsWith("budget."))
                .containsExactly("budget.low", "budget.exhausted", "budget.low", "budget.exhausted");
        org.assertj.core.api.Assertions.assertThat(events).filteredOn("award.earned"::equals).hasSize(3);
        // launched, exhausted, live again after the top-up, exhausted again
        org.assertj.core.api.Assertions.assertThat(events).filteredOn("moment.status_changed"::equals).hasSize(4);
    }

    @Test
    void theLifecycleRefusesTransitionsItDoesNotAllow() {
        Api acme = Api.newPartner();
        String moment = acme.createSpendMoment("100.00", "10.00");
        acme.request().post("/v1/moments/" + moment + "/resume").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-transition"));
        acme.request().post("/v1/moments/" + moment + "/test").then().statusCode(200).body("status", equalTo("TEST"));
        acme.request().post("/v1/moments/" + moment + "/launch").then().statusCode(200).body("status", equalTo("LIVE"));
        acme.request().post("/v1/moments/" + moment + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        acme.request().post("/v1/moments/" + moment + "/resume").then().statusCode(200).body("status", equalTo("LIVE"));
        acme.request().post("/v1/moments/" + moment + "/finish").then().statusCode(200).body("status", equalTo("FINISHED"));
        acme.request().post("/v1/moments/" + moment + "/launch").then().statusCode(409);
    }
}
