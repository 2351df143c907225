package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit of events decides against its budgets as read and locks a budget's row only with the reservation it makes
 * last (docs/architecture.md, "Lock order"): while the unit is in flight, the budget can be paused or topped up
 * without waiting for it, and what changed meanwhile is never paid through it.
 *
 * <p>The unit is held in flight by the event's own row: a connection of the test inserts it first and keeps it
 * uncommitted, so the unit waits at its insert of the event, the write just before the money moves.
 */
@QuarkusTest
class MoneyMovesLastTest {

    private static final Map<String, Object> ORDER = Map.of("kind", "event", "event", "order.completed");

    /** The units decided again with the locks taken first, as operators count them. */
    private static final String DECIDED_AGAIN = "moments_units_decided_again_total";

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private Connection holder;
    private Api partner;
    private String moment;
    private MetricsScrape before;

    @BeforeEach
    void givenALiveMoment() {
        partner = Api.newPartner();
        moment = partner.launchedMoment(ORDER);
        before = MetricsScrape.now();
    }

    @AfterEach
    void release() throws SQLException {
        if (holder != null) {
            holder.rollback();
            holder.close();
        }
        pool.shutdownNow();
    }

    /** Inserts the event's row in a transaction of the test's own, left open. */
    private void holdTheEventsRow(String eventId) throws SQLException {
        holder = TestDatabase.holdTheEventsRow(partner.partnerId, eventId);
    }

    /** Sends the event, and returns once its unit waits for the held row. */
    private Future<Response> sendAndWaitForItsUnitAtTheHeldRow(String eventId) {
        Future<Response> answer = pool.submit(() -> partner.request().body(Map.of("id", eventId,
                "type", "order.completed", "userId", "u-1")).post("/v1/events"));
        Eventually.until("the event's unit waits for the held row", TestDatabase::insertsWaitingForALock,
                waiting -> waiting == 1);
        return answer;
    }

    private Response momentNow() {
        return partner.request().get("/v1/moments/" + moment);
    }

    /** An event whose unit has decided and written its award and waits at the held row, before its money moves. */
    private Future<Response> aUnitInFlight() throws SQLException {
        String eventId = Api.uniqueId("evt-");
        holdTheEventsRow(eventId);
        return sendAndWaitForItsUnitAtTheHeldRow(eventId);
    }

    @Test
    void aPauseWhileAUnitIsInFlight_doesNotWaitForIt_andTheUnitPaysNothingOnThePausedMoment() throws Exception {
        Future<Response> event = aUnitInFlight();

        // the unit has decided and written its award, but holds no lock on the budget: the pause takes it at once
        Future<Response> pause = pool.submit(() -> partner.request().post("/v1/moments/" + moment + "/pause"));
        assertThat(pause.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(event.isDone()).isFalse();

        holder.rollback();
        Response answer = event.get(30, TimeUnit.SECONDS);

        // its reservation found the moment changed: decided again under the lock, on the paused moment
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("awards")).isEmpty();
        assertThat(partner.request().get("/v1/awards?momentId=" + moment).jsonPath().getList("items")).isEmpty();
        assertThat(momentNow().jsonPath().getString("budgetState.reserved")).isEqualTo("0.00");
        Ledgers.assertBalanced(partner, moment);
        assertThat(MetricsScrape.now().minus(before, DECIDED_AGAIN)).isEqualTo(1.0);
    }

    @Test
    void aTopUpWhileAUnitIsInFlight_doesNotWaitForIt_andTheUnitPaysAsDecided() throws Exception {
        Future<Response> event = aUnitInFlight();

        Future<Response> topUp = pool.submit(() -> partner.request().body(Map.of("amount", "500.00"))
                .post("/v1/moments/" + moment + "/budget/top-up"));
        assertThat(topUp.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(event.isDone()).isFalse();

        holder.rollback();
        Response answer = event.get(30, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("awards")).hasSize(1);
        Response state = momentNow();
        assertThat(state.jsonPath().getString("budgetState.reserved")).isEqualTo("10.00");
        assertThat(state.jsonPath().getString("budget.total")).isEqualTo("1500.00");
        Ledgers.assertBalanced(partner, moment);
        assertThat(MetricsScrape.now().minus(before, DECIDED_AGAIN)).as("paid as decided, not again").isZero();
    }
}
