package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.WebhookDeliveries.DueDelivery;
import dev.moments.application.port.out.WebhookDeliveries.NewDelivery;
import dev.moments.application.port.out.WebhookDeliveries.Outcome;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WebhookDeliveries} must do. Deliveries other tests left due are leased away first, each test
 * then leasing "later" than any of them, so it sees its own rows only.
 */
public abstract class WebhookDeliveriesContract extends ContractSupport {

    private static final Instant FOREVER = Instant.parse("9999-01-01T00:00:00Z");

    private Instant now;

    @BeforeEach
    void leaseAwayWhatOtherTestsLeft() {
        now = AT.plusSeconds(60);
        while (!tx(() -> ports().webhookDeliveries().lease(FOREVER.minusSeconds(1), FOREVER, "sweep", 500,
                500)).isEmpty()) {
            // another page of leftovers
        }
    }

    @Test
    void dueDeliveriesAreLeasedOldestFirst_andHiddenFromOtherLeasesUntilTheLeaseRunsOut() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        List<NewDelivery> written = List.of(delivery(endpoint, event(partner, "budget.low", null)),
                delivery(endpoint, event(partner, "award.earned", "awd_1")),
                delivery(endpoint, event(partner, "award.earned", "awd_2")));
        txRun(() -> ports().webhookDeliveries().insertAll(written));

        List<DueDelivery> leased = lease("first", 10, 10);
        assertThat(leased).extracting(DueDelivery::id).containsExactly(ids(written));
        assertThat(leased.get(1).event()).isEqualTo(written.get(1).event());
        assertThat(leased.get(1).partnerId()).isEqualTo(partner.id());
        assertThat(leased).allSatisfy(due -> {
            assertThat(due.attempts()).isZero();
            assertThat(due.token()).isEqualTo("first");
            assertThat(due.endpointId()).isEqualTo(endpoint.id());
        });
        assertThat(lease("second", 10, 10)).as("leased by the first").isEmpty();

        now = now.plusSeconds(31); // the first lease ran out: an instance that died gives its deliveries back
        assertThat(lease("third", 10, 10)).extracting(DueDelivery::id).containsExactly(ids(written));
    }

    @Test
    void anEndpointsDeliveriesOfOneAwardGoOneAtATime_inOrder_evenWhileTheFirstWaitsForARetry() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        WebhookEndpoint another = givenEndpoint(partner, List.of("*"));
        OutboxEvent earned = event(partner, "award.earned", "awd_7");
        OutboxEvent claimed = event(partner, "award.claimed", "awd_7");
        NewDelivery first = delivery(endpoint, earned);
        NewDelivery second = delivery(endpoint, claimed);
        NewDelivery elsewhere = delivery(another, claimed);
        txRun(() -> ports().webhookDeliveries().insertAll(List.of(first, second, elsewhere)));

        List<DueDelivery> leased = lease("a", 10, 10);
        assertThat(leased).extracting(DueDelivery::id).containsExactly(first.id(), elsewhere.id());

        record(leased.get(0), 500, DeliveryStatus.PENDING, now.plusSeconds(5));
        assertThat(lease("b", 10, 10)).as("the second waits for the first's retry").isEmpty();

        now = now.plusSeconds(5);
        List<DueDelivery> retried = lease("c", 10, 10);
        assertThat(retried).extracting(DueDelivery::id).containsExactly(first.id());
        assertThat(retried.get(0).attempts()).isEqualTo(1);
        record(retried.get(0), 200, DeliveryStatus.DELIVERED, null);

        assertThat(lease("d", 10, 10)).extracting(DueDelivery::id).containsExactly(second.id());
    }

    @Test
    void aFailedDeliveryNoLongerHoldsBackTheNextOfItsAward() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        NewDelivery first = delivery(endpoint, event(partner, "award.earned", "awd_8"));
        NewDelivery second = delivery(endpoint, event(partner, "award.expired", "awd_8"));
        txRun(() -> ports().webhookDeliveries().insertAll(List.of(first, second)));

        record(lease("a", 10, 10).get(0), null, DeliveryStatus.FAILED, null);

        assertThat(lease("b", 10, 10)).extracting(DueDelivery::id).containsExactly(second.id());
    }

    @Test
    void atMostPerEndpointDeliveriesOfOneEndpointAreLeasedAtOnce_andAtMostTheLimitInAll() {
        Partner partner = givenPartner();
        WebhookEndpoint busy = givenEndpoint(partner, List.of("*"));
        WebhookEndpoint calm = givenEndpoint(partner, List.of("*"));
        List<NewDelivery> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(delivery(busy, event(partner, "budget.low", null)));
        }
        written.add(delivery(calm, event(partner, "budget.low", null)));
        txRun(() -> ports().webhookDeliveries().insertAll(written));

        assertThat(lease("a", 1, 2)).extracting(DueDelivery::id).containsExactly(written.get(0).id());
        assertThat(lease("b", 10, 2)).extracting(DueDelivery::id)
                .containsExactly(written.get(1).id(), written.get(4).id());
        assertThat(lease("c", 10, 2)).as("two of the busy one are out already").isEmpty();
    }

    @Test
    void aDisabledEndpointsDeliveriesWait_andADeletedOnesAreGone() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        NewDelivery waiting = delivery(endpoint, event(partner, "budget.low", null));
        txRun(() -> ports().webhookDeliveries().insertAll(List.of(waiting)));
        txRun(() -> ports().webhookEndpoints().update(endpoint.change(null, null, false, null, now)));

        assertThat(lease("a", 10, 10)).isEmpty();

        txRun(() -> ports().webhookEndpoints().update(endpoint.change(null, null, true, null, now)));
        assertThat(lease("b", 10, 10)).extracting(DueDelivery::id).containsExactly(waiting.id());

        txRun(() -> ports().webhookEndpoints().delete(partner.id(), endpoint.id()));
        assertThat(tx(() -> ports().webhookDeliveries().find(partner.id(), endpoint.id(), waiting.id()))).isEmpty();
        record(new DueDelivery(waiting.id(), partner.id(), endpoint.id(), waiting.event(), 0, "b"), 200,
                DeliveryStatus.DELIVERED, null); // its answer came after the deletion: nothing to record it on
    }

    @Test
    void theLogListsDeliveriesNewestFirstWithTheirAttempts_byStatus_pageByPage_forTheirPartnerOnly() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        List<NewDelivery> written = List.of(delivery(endpoint, event(partner, "budget.low", null)),
                delivery(endpoint, event(partner, "budget.exhausted", null)),
                delivery(endpoint, event(partner, "codes.low", null)));
        txRun(() -> ports().webhookDeliveries().insertAll(written));
        List<DueDelivery> leased = lease("a", 10, 10);
        DeliveryAttempt refused = new DeliveryAttempt(now, null, 12, "connection refused");
        txRun(() -> ports().webhookDeliveries().record(List.of(
                new Outcome(leased.get(0).id(), "a", refused, DeliveryStatus.PENDING, 1, now.plusSeconds(5)),
                new Outcome(leased.get(1).id(), "a", new DeliveryAttempt(now, 204, 40, null),
                        DeliveryStatus.DELIVERED, 1, null))));

        Page<WebhookDelivery> first = tx(() -> ports().webhookDeliveries().list(partner.id(), endpoint.id(), null,
                new PageRequest(2, null)));
        Page<WebhookDelivery> second = tx(() -> ports().webhookDeliveries().list(partner.id(), endpoint.id(), null,
                new PageRequest(2, first.next())));
        assertThat(first.items()).extracting(WebhookDelivery::id).containsExactly(written.get(2).id(),
                written.get(1).id());
        assertThat(second.items()).extracting(WebhookDelivery::id).containsExactly(written.get(0).id());
        assertThat(second.next()).isNull();

        WebhookDelivery pending = second.items().get(0);
        assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.nextAttemptAt()).isEqualTo(now.plusSeconds(5));
        assertThat(pending.eventId()).isEqualTo(written.get(0).event().id());
        assertThat(pending.type()).isEqualTo("budget.low");
        assertThat(pending.log()).containsExactly(refused);
        assertThat(first.items().get(1).log()).containsExactly(new DeliveryAttempt(now, 204, 40, null));
        assertThat(first.items().get(1).nextAttemptAt()).isNull();

        assertThat(tx(() -> ports().webhookDeliveries().list(partner.id(), endpoint.id(), DeliveryStatus.DELIVERED,
                new PageRequest(10, null))).items()).extracting(WebhookDelivery::id)
                .containsExactly(written.get(1).id());
        Partner other = givenPartner();
        assertThat(tx(() -> ports().webhookDeliveries().list(other.id(), endpoint.id(), null,
                new PageRequest(10, null))).items()).isEmpty();
        assertThat(tx(() -> ports().webhookDeliveries().find(other.id(), endpoint.id(), written.get(0).id())))
                .isEmpty();
        assertThat(tx(() -> ports().webhookDeliveries().retryNow(other.id(), endpoint.id(), written.get(0).id(),
                now))).isFalse();
    }

    @Test
    void anAnswerForALeaseThatIsNoLongerItsIsLogged_butMovesNothing_andAManualRetryStartsAfresh() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        NewDelivery written = delivery(endpoint, event(partner, "budget.low", null));
        txRun(() -> ports().webhookDeliveries().insertAll(List.of(written)));
        DueDelivery leased = lease("a", 10, 10).get(0);
        record(leased, null, DeliveryStatus.FAILED, null);
        assertThat(tx(() -> ports().webhookDeliveries().find(partner.id(), endpoint.id(), written.id())))
                .hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(DeliveryStatus.FAILED));

        assertThat(tx(() -> ports().webhookDeliveries().retryNow(partner.id(), endpoint.id(), written.id(), now)))
                .isTrue();
        record(leased, 200, DeliveryStatus.DELIVERED, null); // a late answer to the old lease

        WebhookDelivery retried = tx(() -> ports().webhookDeliveries().find(partner.id(), endpoint.id(),
                written.id())).orElseThrow();
        assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.log()).hasSize(2);
        assertThat(lease("b", 10, 10)).extracting(DueDelivery::id).containsExactly(written.id());
        assertThat(tx(() -> ports().webhookDeliveries().countPending())).isPositive();
    }

    @Test
    void aRetryAskedWhileTheDeliveryIsBeingSent_keepsThatSendsLease_soNoSecondSendGoesBesideIt() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        NewDelivery written = delivery(endpoint, event(partner, "budget.low", null));
        txRun(() -> ports().webhookDeliveries().insertAll(List.of(written)));
        DueDelivery sending = lease("a", 500, 500).stream().filter(due -> due.id().equals(written.id()))
                .findFirst().orElseThrow();

        assertThat(tx(() -> ports().webhookDeliveries().retryNow(partner.id(), endpoint.id(), written.id(), now)))
                .isTrue();

        assertThat(lease("b", 500, 500)).extracting(DueDelivery::id).doesNotContain(written.id());
        record(sending, 200, DeliveryStatus.DELIVERED, null);
        assertThat(tx(() -> ports().webhookDeliveries().find(partner.id(), endpoint.id(), written.id())).orElseThrow()
                .status()).as("the send under way answered").isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void finishedDeliveriesOlderThanTheCutArePruned_withTheirAttempts_whilePendingOnesStay() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        NewDelivery delivered = delivery(endpoint, event(partner, "budget.low", null));
        NewDelivery pending = delivery(endpoint, event(partner, "budget.exhausted", null));
        txRun(() -> ports().webhookDeliveries().insertAll(List.of(delivered, pending)));
        record(lease("a", 500, 500).stream().filter(due -> due.id().equals(delivered.id())).findFirst()
                .orElseThrow(), 200, DeliveryStatus.DELIVERED, null);

        assertThat(tx(() -> ports().webhookDeliveries().prune(AT, 1000))).as("none older than the cut").isZero();
        while (tx(() -> ports().webhookDeliveries().prune(AT.plusSeconds(1), 1000)) > 0) {
            // the next thousand
        }

        assertThat(tx(() -> ports().webhookDeliveries().find(partner.id(), endpoint.id(), delivered.id())))
                .isEmpty();
        assertThat(tx(() -> ports().webhookDeliveries().find(partner.id(), endpoint.id(), pending.id())))
                .isPresent();
    }

    private List<DueDelivery> lease(String token, int limit, int perEndpoint) {
        return tx(() -> ports().webhookDeliveries().lease(now, now.plusSeconds(30), token, limit, perEndpoint));
    }

    private void record(DueDelivery due, Integer status, DeliveryStatus next, Instant nextAttemptAt) {
        DeliveryAttempt attempt = new DeliveryAttempt(now, status, 3, status != null && status < 300 ? null
                : "failed");
        txRun(() -> ports().webhookDeliveries().record(List.of(new Outcome(due.id(), due.token(), attempt, next,
                due.attempts() + 1, nextAttemptAt))));
    }

    private NewDelivery delivery(WebhookEndpoint endpoint, OutboxEvent event) {
        return new NewDelivery(unique("whd_"), endpoint.id(), event, AT);
    }

    private static OutboxEvent event(Partner partner, String type, String awardId) {
        Map<String, Object> data = awardId == null ? Map.of("momentId", "mom_1")
                : type.startsWith("award.") ? Map.of("id", awardId, "status", "EARNED")
                : Map.of("awardId", awardId);
        return new OutboxEvent(unique(OutboxEvent.ID_PREFIX), partner.id(), type, data, AT);
    }

    private static String[] ids(List<NewDelivery> deliveries) {
        return deliveries.stream().map(NewDelivery::id).toArray(String[]::new);
    }
}
