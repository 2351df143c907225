package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.CreateWebhookCommand;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.UpdateWebhookCommand;
import dev.moments.application.port.in.WebhookSecretShown;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.fixtures.DirectTransactions;
import dev.moments.application.fixtures.FakeWebhookSender;
import dev.moments.application.fixtures.FixedClock;
import dev.moments.application.fixtures.InMemoryAwardRepository;
import dev.moments.application.fixtures.InMemoryWebhookDeliveries;
import dev.moments.application.fixtures.ReversibleTokenSealer;
import dev.moments.application.fixtures.InMemoryWebhookEndpoints;
import dev.moments.application.fixtures.RandomSecrets;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.RetrySchedule;
import dev.moments.domain.webhook.TooManyWebhooksException;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;
import dev.moments.domain.webhook.WebhookSecret;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.application.port.out.WebhookDeliveries.DueDelivery;
import dev.moments.application.port.Page;
import dev.moments.application.port.Relay;
import dev.moments.application.fixtures.InMemoryOutbox;
import dev.moments.domain.webhook.DeliveryAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Webhook endpoints, the fan-out of outbox events and their dispatch, on in-memory ports. */
class WebhookUseCasesTest {

    private static final PartnerId ACME = Fixtures.PARTNER;
    private static final PartnerId OTHER = new PartnerId("ptn_other");
    private static final String URL = "https://hooks.acme.example/moments";

    private final FixedClock clock = new FixedClock();
    private final SequentialIds ids = new SequentialIds();
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(endpoints);
    private final FakeWebhookSender sender = new FakeWebhookSender();
    private final WebhookService webhooks = new WebhookService(endpoints, deliveries, sender, ids,
            new RandomSecrets(), clock, transactions);
    private final WebhookFanOut fanOut = new WebhookFanOut(endpoints, deliveries, ids, clock);
    private final InMemoryAwardRepository awards = new InMemoryAwardRepository();
    private final ReversibleTokenSealer sealer = new ReversibleTokenSealer();
    private final AwardLinks links = new AwardLinks(awards, sealer,
            token -> "https://rewards.example.com/r/" + token.value());
    private WebhookDispatchService dispatch = dispatch(RetrySchedule.parse("10s,1m,5m").retryingFor(Duration.ZERO), 100);

    @Test
    void aNewEndpointIsEnabledAndItsSecretIsShownOnceByItsCreation() {
        WebhookSecretShown created = webhooks.create(new CreateWebhookCommand(ACME, URL,
                List.of("award.earned", "budget.low"), "ours"));

        assertThat(created.webhook().id()).startsWith("whk_");
        assertThat(created.webhook().enabled()).isTrue();
        assertThat(created.webhook().events()).containsExactly("award.earned", "budget.low");
        assertThat(new WebhookSecret(created.secret()).key()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(webhooks.get(ACME, id(created))).isEqualTo(created.webhook());
        assertThat(webhooks.list(ACME, PageRequest.first()).items()).containsExactly(created.webhook());
    }

    @Test
    void anotherPartnersEndpointIsNotFound_forAnyOperation() {
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));

        assertThatThrownBy(() -> webhooks.get(OTHER, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.update(new UpdateWebhookCommand(OTHER, id, null, null, false, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.rotateSecret(OTHER, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.deliveries(OTHER, id, null, PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.delete(OTHER, id)).isInstanceOf(NotFoundException.class);
        assertThat(webhooks.list(OTHER, PageRequest.first()).items()).isEmpty();
        assertThat(webhooks.get(ACME, id).enabled()).isTrue();
    }

    @Test
    void aUrlTheAddressGuardRefusesIsAnInvalidUrl_onCreationAndOnChange() {
        sender.refuse("http://10.0.0.1/", "resolves to 10.0.0.1, a private address");
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));

        for (Runnable refused : List.<Runnable>of(
                () -> webhooks.create(new CreateWebhookCommand(ACME, "http://10.0.0.1/", List.of("*"), null)),
                () -> webhooks.update(new UpdateWebhookCommand(ACME, id, "http://10.0.0.1/", null, null, null)),
                () -> webhooks.checkTarget("http://10.0.0.1/"))) {
            assertThatThrownBy(refused::run).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("private address")
                    .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("url");
        }
        assertThat(webhooks.list(ACME, PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void aPartnerHasAtMostTwentyEndpoints() {
        for (int i = 0; i < 20; i++) {
            webhooks.create(new CreateWebhookCommand(ACME, URL + i, List.of("*"), null));
        }
        assertThatThrownBy(() -> webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)))
                .isInstanceOf(TooManyWebhooksException.class);
        webhooks.create(new CreateWebhookCommand(OTHER, URL, List.of("*"), null));
    }

    @Test
    void eachEventGoesToTheEnabledEndpointsOfItsPartnerThatTakeItsType() {
        WebhookId all = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/all", List.of("*"), null)));
        WebhookId budgets = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/budgets",
                List.of("budget.low"), null)));
        WebhookId disabled = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/off", List.of("*"), null)));
        webhooks.update(new UpdateWebhookCommand(ACME, disabled, null, null, false, null));
        WebhookId others = id(webhooks.create(new CreateWebhookCommand(OTHER, URL + "/other", List.of("*"), null)));

        relay(event(ACME, "award.earned", "awd_1"), event(ACME, "budget.low", null), event(OTHER, "codes.low", null));

        assertThat(types(all)).containsExactly("budget.low", "award.earned");
        assertThat(types(budgets)).containsExactly("budget.low");
        assertThat(types(disabled)).isEmpty();
        assertThat(types(others)).containsExactly("codes.low");
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheEventOnTheFourthAttempt_afterTheScheduleWithJitter() {
        dispatch = dispatch(RetrySchedule.parse("10s,1m,5m,1h").retryingFor(Duration.ZERO), 100);
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        sender.answer(URL, 500, null, 429);
        OutboxEvent earned = event(ACME, "award.earned", "awd_1");
        relay(earned);

        assertThat(dispatch.dispatch()).isEqualTo(1);
        assertThat(nextAttempt(id)).isEqualTo(clock.now().plusSeconds(10)); // random 0.5: no jitter
        clock.advance(Duration.ofSeconds(9));
        assertThat(dispatch.dispatch()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatch.dispatch()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatch.dispatch()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatch.dispatch()).isEqualTo(1);

        WebhookDelivery delivery = only(id);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.log()).extracting(attempt -> attempt.statusCode()).containsExactly(500, null, 429, 200);
        assertThat(delivery.log().get(1).error()).isEqualTo("connection refused");
        assertThat(sender.sent()).extracting(sent -> sent.event().id()).containsOnly(earned.id());
        assertThat(sender.sent()).extracting(sent -> sent.url()).containsOnly(URL);
    }

    @Test
    void theJitterComesFromTheRandomSource() {
        dispatch = new WebhookDispatchService(deliveries, endpoints, sender, links, clock, transactions, ids,
                settings(RetrySchedule.parse("10s").retryingFor(Duration.ZERO), 100, () -> 0.0));
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        sender.answer(URL, 503);
        relay(event(ACME, "budget.low", null));

        dispatch.dispatch();

        assertThat(nextAttempt(id)).isEqualTo(clock.now().plusSeconds(8));
    }

    @Test
    void aDeliveryFailsOnceTheScheduleIsUsedUp_andAManualRetrySendsItAgainWithAFreshCount() {
        dispatch = dispatch(RetrySchedule.parse("1s,1s").retryingFor(Duration.ZERO), 100);
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        sender.answer(URL, 500, 500, 500, 500);
        relay(event(ACME, "budget.low", null));
        for (int i = 0; i < 3; i++) {
            assertThat(dispatch.dispatch()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(dispatch.dispatch()).isZero();
        WebhookDelivery failed = only(id);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(webhooks.deliveries(ACME, id, "FAILED", PageRequest.first()).items()).hasSize(1);
        assertThat(webhooks.deliveries(ACME, id, "PENDING", PageRequest.first()).items()).isEmpty();

        WebhookDelivery retried = webhooks.retryDelivery(ACME, id, failed.id());
        assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(dispatch.dispatch()).isEqualTo(1); // answered 500 once more, then a retry 1 s later
        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatch.dispatch()).isEqualTo(1);
        assertThat(only(id).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(only(id).log()).hasSize(5);
        assertThatThrownBy(() -> webhooks.retryDelivery(ACME, id, "whd_none")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.deliveries(ACME, id, "LOST", PageRequest.first()))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theSecondEventOfAnAwardIsNotSentBeforeTheFirstSucceeded() {
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        sender.answer(URL, 500);
        OutboxEvent earned = event(ACME, "award.earned", "awd_1");
        OutboxEvent claimed = event(ACME, "award.claimed", "awd_1");
        OutboxEvent unrelated = event(ACME, "award.earned", "awd_2");
        relay(earned, claimed, unrelated);

        dispatch.dispatch();
        assertThat(sender.sent()).extracting(sent -> sent.event().id()).containsExactly(earned.id(), unrelated.id());
        dispatch.dispatch();
        assertThat(sender.sent()).as("the claim waits for the retry of the earning").hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        dispatch.dispatch();
        dispatch.dispatch();
        assertThat(sender.sent()).extracting(sent -> sent.event().id())
                .containsExactly(earned.id(), unrelated.id(), earned.id(), claimed.id());
        assertThat(webhooks.deliveries(ACME, id, "DELIVERED", PageRequest.first()).items()).hasSize(3);
    }

    @Test
    void afterARotationDeliveriesAreSignedWithBothSecretsFor24Hours_thenWithTheNewOneOnly() {
        WebhookSecretShown created = webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null));
        WebhookSecretShown rotated = webhooks.rotateSecret(ACME, id(created));
        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        assertThat(rotated.webhook().id()).isEqualTo(created.webhook().id());

        relay(event(ACME, "budget.low", null));
        dispatch.dispatch();
        clock.advance(Duration.ofHours(24));
        relay(event(ACME, "budget.exhausted", null));
        dispatch.dispatch();

        assertThat(sender.sent().get(0).secrets()).containsExactly(new WebhookSecret(rotated.secret()),
                new WebhookSecret(created.secret()));
        assertThat(sender.sent().get(1).secrets()).containsExactly(new WebhookSecret(rotated.secret()));
    }

    @Test
    void aDisabledEndpointIsSentNothing_itsWaitingDeliveriesGoOnceItIsEnabledAgain() {
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        relay(event(ACME, "budget.low", null));
        assertThat(webhooks.update(new UpdateWebhookCommand(ACME, id, null, null, false, null)).enabled()).isFalse();
        relay(event(ACME, "budget.exhausted", null));

        assertThat(dispatch.dispatch()).isZero();
        assertThat(sender.sent()).isEmpty();

        webhooks.update(new UpdateWebhookCommand(ACME, id, null, null, true, null));
        assertThat(dispatch.dispatch()).isEqualTo(1);
        assertThat(sender.sent()).extracting(sent -> sent.event().type()).containsExactly("budget.low");
    }

    @Test
    void aDeletedEndpointsDeliveriesAreGoneWithIt() {
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        relay(event(ACME, "budget.low", null));
        webhooks.delete(ACME, id);

        assertThat(dispatch.dispatch()).isZero();
        assertThatThrownBy(() -> webhooks.get(ACME, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void slowReceiversHoldAtMostMaxInFlightDeliveries_theirAnswersAreRecordedByALaterRound() {
        dispatch = dispatch(RetrySchedule.parse("10s").retryingFor(Duration.ZERO), 2);
        WebhookId first = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/1", List.of("*"), null)));
        WebhookId second = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/2", List.of("*"), null)));
        sender.hang(true);
        relay(event(ACME, "budget.low", null), event(ACME, "budget.exhausted", null));

        assertThat(dispatch.dispatch()).isEqualTo(2);
        assertThat(dispatch.inFlight()).isEqualTo(2);
        int units = transactions.units();
        assertThat(dispatch.dispatch()).as("no free capacity").isZero();
        assertThat(transactions.units()).as("a round without capacity leaves the store alone").isEqualTo(units);

        sender.answerHanging(204);
        assertThat(dispatch.inFlight()).isZero();
        assertThat(dispatch.dispatch()).isEqualTo(2);
        sender.answerHanging(204);
        dispatch.dispatch();
        assertThat(webhooks.deliveries(ACME, first, "DELIVERED", PageRequest.first()).items()).hasSize(2);
        assertThat(webhooks.deliveries(ACME, second, "DELIVERED", PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void anAwardEventIsKeptWithoutItsRedemptionLink_andSentWithIt() {
        awards.insert(AwardLinksTest.award("awd_1"), sealer.seal(AwardLinksTest.TOKEN));
        webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null));
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.appendAll(List.of(event(ACME, "award.earned", "awd_1")));
        OutboxRelayService relay = new OutboxRelayService(outbox, List.of(fanOut), links, clock, transactions,
                Duration.ofDays(7));

        assertThat(relay.relay(Relay.WEBHOOKS, 10)).isEqualTo(1);

        List<DueDelivery> kept = deliveries.lease(clock.now(), clock.now().plusSeconds(1), "lse_peek", 10, 4);
        assertThat(kept).singleElement().satisfies(delivery -> assertThat(delivery.event().data())
                .as("the link is a secret, not kept at rest").doesNotContainKey(AwardLinks.FIELD));
        clock.advance(Duration.ofSeconds(2));
        dispatch.dispatch();
        assertThat(sender.sent()).singleElement().satisfies(sent -> assertThat(sent.event().data())
                .containsEntry(AwardLinks.FIELD, "https://rewards.example.com/r/" + AwardLinksTest.TOKEN));
    }

    @Test
    void anAnswerThatCannotBeRecordedDoesNotLoseTheOthersOfItsRound() {
        WebhookId first = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/1", List.of("*"), null)));
        WebhookId second = id(webhooks.create(new CreateWebhookCommand(ACME, URL + "/2", List.of("*"), null)));
        relay(event(ACME, "budget.low", null));
        String unwritable = webhooks.deliveries(ACME, first, null, PageRequest.first()).items().get(0).id();
        dispatch = new WebhookDispatchService(new RefusingToRecord(deliveries, unwritable), endpoints, sender, links,
                clock, transactions, ids, settings(RetrySchedule.parse("10s").retryingFor(Duration.ZERO), 100,
                () -> 0.5));

        assertThat(dispatch.dispatch()).isEqualTo(2);

        assertThat(only(second).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(only(first).status()).as("left to its lease").isEqualTo(DeliveryStatus.PENDING);
        assertThat(only(first).log()).isEmpty();
    }

    /** A store that cannot write the outcome of one delivery, nor any batch holding it. */
    private record RefusingToRecord(WebhookDeliveries store, String deliveryId) implements WebhookDeliveries {

        @Override
        public void record(List<Outcome> outcomes) {
            if (outcomes.stream().anyMatch(outcome -> outcome.deliveryId().equals(deliveryId))) {
                throw new IllegalStateException("cannot write delivery " + deliveryId);
            }
            store.record(outcomes);
        }

        @Override
        public void insertAll(List<NewDelivery> newDeliveries) {
            store.insertAll(newDeliveries);
        }

        @Override
        public List<DueDelivery> lease(java.time.Instant now, java.time.Instant until, String token, int limit,
                                       int perEndpoint) {
            return store.lease(now, until, token, limit, perEndpoint);
        }

        @Override
        public Page<WebhookDelivery> list(PartnerId partnerId, WebhookId endpointId, DeliveryStatus status,
                                          PageRequest page) {
            return store.list(partnerId, endpointId, status, page);
        }

        @Override
        public Optional<WebhookDelivery> find(PartnerId partnerId, WebhookId endpointId, String id) {
            return store.find(partnerId, endpointId, id);
        }

        @Override
        public boolean retryNow(PartnerId partnerId, WebhookId endpointId, String id, java.time.Instant now) {
            return store.retryNow(partnerId, endpointId, id, now);
        }

        @Override
        public long countPending() {
            return store.countPending();
        }

        @Override
        public int prune(java.time.Instant before, int limit) {
            return store.prune(before, limit);
        }
    }

    @Test
    void aRoundWaitsUpToItsSettleTimeForTheAnswers_andRecordsThoseThatCame() {
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        WebhookSender slow = new WebhookSender() {
            @Override
            public CompletionStage<DeliveryAttempt> send(String url, OutboxEvent event, Instant at,
                                                         List<WebhookSecret> secrets) {
                return sender.send(url, event, at, secrets).thenApplyAsync(answer -> answer,
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            }

            @Override
            public Optional<String> refusal(String url) {
                return Optional.empty();
            }
        };
        dispatch = new WebhookDispatchService(deliveries, endpoints, slow, links, clock, transactions, ids,
                new WebhookDispatchService.Settings(RetrySchedule.parse("10s").retryingFor(Duration.ZERO), 100, 4,
                        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofDays(30), () -> 0.5));
        relay(event(ACME, "budget.low", null));

        assertThat(dispatch.dispatch()).isEqualTo(1);

        assertThat(only(id).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(dispatch.inFlight()).isZero();
    }

    @Test
    void aRoundInterruptedWhileWaitingForAnswers_returnsAndKeepsTheThreadInterrupted() {
        dispatch = new WebhookDispatchService(deliveries, endpoints, sender, links, clock, transactions, ids,
                new WebhookDispatchService.Settings(RetrySchedule.parse("10s").retryingFor(Duration.ZERO), 100, 4,
                        Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofDays(30), () -> 0.5));
        webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null));
        sender.hang(true);
        relay(event(ACME, "budget.low", null));

        Thread.currentThread().interrupt();
        assertThat(dispatch.dispatch()).isEqualTo(1);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(dispatch.inFlight()).as("its answer is recorded by a later round").isEqualTo(1);
    }

    @Test
    void finishedDeliveriesArePrunedOnceTheRetentionIsOver_waitingOnesNever() {
        WebhookId id = id(webhooks.create(new CreateWebhookCommand(ACME, URL, List.of("*"), null)));
        relay(event(ACME, "budget.low", null), event(ACME, "budget.exhausted", null));
        sender.answer(URL, 200, 500);
        dispatch.dispatch();
        clock.advance(Duration.ofDays(29));
        assertThat(dispatch.prune(100)).as("within the retention").isZero();

        clock.advance(Duration.ofDays(2));
        assertThat(dispatch.prune(100)).isEqualTo(1);

        assertThat(only(id).status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void theDispatchSettingsTakeOneInFlight_oneAnEndpoint_andALeaseOfTenSeconds_butNoLess() {
        RetrySchedule schedule = RetrySchedule.parse("10s").retryingFor(Duration.ZERO);
        assertThat(new WebhookDispatchService.Settings(schedule, 1, 1, Duration.ofSeconds(10), Duration.ZERO,
                Duration.ZERO, () -> 0.5).maxInFlight()).isEqualTo(1);

        for (Runnable refused : List.<Runnable>of(
                () -> new WebhookDispatchService.Settings(schedule, 0, 1, Duration.ofSeconds(10), Duration.ZERO,
                        Duration.ZERO, () -> 0.5),
                () -> new WebhookDispatchService.Settings(schedule, 1, 0, Duration.ofSeconds(10), Duration.ZERO,
                        Duration.ZERO, () -> 0.5),
                () -> new WebhookDispatchService.Settings(schedule, 1, 1, Duration.ofSeconds(9), Duration.ZERO,
                        Duration.ZERO, () -> 0.5))) {
            assertThatThrownBy(refused::run).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private WebhookDispatchService dispatch(RetrySchedule schedule, int maxInFlight) {
        return new WebhookDispatchService(deliveries, endpoints, sender, links, clock, transactions, ids,
                settings(schedule, maxInFlight, () -> 0.5));
    }

    private static WebhookDispatchService.Settings settings(RetrySchedule schedule, int maxInFlight,
                                                            DoubleSupplier random) {
        return new WebhookDispatchService.Settings(schedule, maxInFlight, 4, Duration.ofSeconds(30), Duration.ZERO,
                Duration.ofDays(30), random);
    }

    private void relay(OutboxEvent... events) {
        transactions.inTransaction(() -> {
            fanOut.accept(List.of(events));
            return null;
        });
    }

    private List<String> types(WebhookId id) {
        return webhooks.deliveries(partnerOf(id), id, null, PageRequest.first())
                .items().stream().map(WebhookDelivery::type).toList();
    }

    private PartnerId partnerOf(WebhookId id) {
        return endpoints.find(ACME, id).isPresent() ? ACME : OTHER;
    }

    private WebhookDelivery only(WebhookId id) {
        List<WebhookDelivery> items = webhooks.deliveries(ACME, id, null, PageRequest.first()).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private java.time.Instant nextAttempt(WebhookId id) {
        return only(id).nextAttemptAt();
    }

    private static WebhookId id(WebhookSecretShown shown) {
        return new WebhookId(shown.webhook().id());
    }

    private OutboxEvent event(PartnerId partner, String type, String awardId) {
        Map<String, Object> data = awardId == null ? Map.of("momentId", "mom_1") : Map.of("id", awardId);
        return new OutboxEvent(ids.next(OutboxEvent.ID_PREFIX), partner, type, data, clock.now());
    }
}
