package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.DirectTransactions;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.RecordedResponse;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.IdempotencyKeyReusedException;
import dev.moments.application.port.in.IdempotentReplayUnavailableException;
import dev.moments.application.port.in.IdempotentRequestUseCase.IdempotentRequest;
import dev.moments.application.port.in.IdempotentRequestUseCase.Outcome;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.EventTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating requests under an idempotency key, with the whole core in memory. */
class IdempotencyServiceTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private PartnerId partner;
    private MomentId moment;
    private final AtomicInteger creations = new AtomicInteger();

    @BeforeEach
    void givenAPartnerWithAMomentOfAHundredDollars() {
        partner = app.partners.create(new CreatePartnerCommand("Acme Games", "USD")).partner().id();
        Reward reward = app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD",
                Set.of(), "sandbox", null, null));
        moment = app.moments.create(new CreateMomentCommand(partner, "Level 10", new EventTrigger("level.reached",
                null), null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"),
                List.of(reward.id().value()), null, null, null)).moment().id();
    }

    private IdempotentRequest request(String key, String fingerprint) {
        return new IdempotentRequest(partner.value(), key, fingerprint);
    }

    /** A top-up of the moment, answered as the REST adapter would: 200 with the remaining budget. */
    private Supplier<RecordedResponse> topUp(String amount) {
        return () -> {
            creations.incrementAndGet();
            MomentView view = app.moments.topUp(partner, moment, amount);
            return json(200, "{\"remaining\": \"" + view.budgetState().remaining().toDecimalString() + "\"}", null);
        };
    }

    private static RecordedResponse json(int status, String body, String location) {
        return new RecordedResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), location);
    }

    private String remaining() {
        return app.moments.get(partner, moment).budgetState().remaining().toDecimalString();
    }

    private static String body(Outcome outcome) {
        return new String(outcome.response().body(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameRequestAgainUnderItsKey_replaysTheFirstResponse_andTopsUpOnce() {
        Outcome first = app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00"));
        Outcome retry = app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00"));

        assertThat(first.replayed()).isFalse();
        assertThat(body(first)).isEqualTo("{\"remaining\": \"150.00\"}");
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(creations).hasValue(1);
        assertThat(remaining()).isEqualTo("150.00");
    }

    @Test
    void theStatusContentTypeAndLocationAreReplayedToo() {
        RecordedResponse created = json(201, "{\"id\": \"rwd_1\"}", "http://localhost/v1/rewards/rwd_1");
        app.idempotency.handle(request("k-1", "reward"), () -> created);

        Outcome retry = app.idempotency.handle(request("k-1", "reward"), () -> {
            throw new AssertionError("not created again");
        });

        assertThat(retry.response()).isEqualTo(created);
        assertThat(retry.response().location()).isEqualTo("http://localhost/v1/rewards/rwd_1");
    }

    @Test
    void anotherRequestUnderTheKey_isRefused_andNothingIsDone() {
        app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00"));

        assertThatThrownBy(() -> app.idempotency.handle(request("k-1", "top-up 60"), topUp("60.00")))
                .hasMessageContaining("Idempotency-Key")
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("idempotency-key-reused"));

        assertThat(creations).hasValue(1);
        assertThat(remaining()).isEqualTo("150.00");
    }

    @Test
    void theSameKeyInAnotherScope_isAnotherKey() {
        app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00"));

        Outcome admin = app.idempotency.handle(new IdempotentRequest("admin", "k-1", "top-up 50"), topUp("50.00"));

        assertThat(admin.replayed()).isFalse();
        assertThat(creations).hasValue(2);
        assertThat(remaining()).isEqualTo("200.00");
    }

    @Test
    void aCreationThatFails_leavesTheKeyFree_forTheSameOrACorrectedRequest() {
        assertThatThrownBy(() -> app.idempotency.handle(request("k-1", "top-up -5"), topUp("-5.00")))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> app.idempotency.handle(request("k-1", "top-up -5"), topUp("-5.00")))
                .isInstanceOf(InvalidValueException.class);

        Outcome corrected = app.idempotency.handle(request("k-1", "top-up 5"), topUp("5.00"));

        assertThat(corrected.replayed()).isFalse();
        assertThat(remaining()).isEqualTo("105.00");
        assertThat(app.idempotency.handle(request("k-1", "top-up 5"), topUp("5.00")).replayed()).isTrue();
        assertThat(remaining()).isEqualTo("105.00");
    }

    @Test
    void aCreationAnsweringAnError_isAnsweredAsItIs_andNotKept() {
        RecordedResponse refused = json(409, "{\"type\": \"/problems/not-eligible\"}", null);

        Outcome outcome = app.idempotency.handle(request("k-1", "award u-1"), () -> refused);

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.response()).isEqualTo(refused);
        Outcome later = app.idempotency.handle(request("k-1", "award u-2"), topUp("1.00"));
        assertThat(later.replayed()).isFalse();
        assertThat(remaining()).isEqualTo("101.00");
    }

    @Test
    void aFailureAfterTheCreationsOwnTransaction_stillFreesTheKey() {
        // the creation's transaction joined the key's: it is not over when the creation returns
        IllegalStateException failure = new IllegalStateException("the response could not be rendered");

        assertThatThrownBy(() -> app.idempotency.handle(new IdempotentRequest("admin", "k-1", "partner"), () -> {
            app.partners.create(new CreatePartnerCommand("Joined", "USD"));
            throw failure;
        })).isSameAs(failure);

        Outcome retried = app.idempotency.handle(new IdempotentRequest("admin", "k-1", "partner"), () -> {
            PartnerCreated created = app.partners.create(new CreatePartnerCommand("Joined", "USD"));
            return json(201, "{\"apiKey\": \"" + created.apiKey() + "\"}", null);
        });
        assertThat(retried.replayed()).isFalse();
    }

    @Test
    void responsesAreKeptSealed_soAnApiKeyInThemIsNotStoredInClear() {
        Outcome first = app.idempotency.handle(new IdempotentRequest("admin", "k-1", "partner"), () -> {
            PartnerCreated created = app.partners.create(new CreatePartnerCommand("Acme", "USD"));
            return json(201, "{\"apiKey\": \"" + created.apiKey() + "\"}", null);
        });
        String apiKey = body(first).replaceAll(".*\"(mk_[^\"]+)\".*", "$1");

        byte[] stored = app.idempotencyKeys.claim("admin", "k-1", "partner", app.clock.now()).orElseThrow()
                .response().body();

        assertThat(apiKey).startsWith("mk_");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(apiKey);
        assertThat(body(app.idempotency.handle(new IdempotentRequest("admin", "k-1", "partner"),
                () -> json(201, "{}", null)))).contains(apiKey);
    }

    @Test
    void aResponseSealedUnderAKeyThisInstanceNoLongerHas_isRefusedRatherThanDoneAgain() {
        app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00"));
        TokenSealer forgetful = new TokenSealer() {
            @Override
            public String seal(String token) {
                return "sealed-elsewhere";
            }

            @Override
            public Optional<String> unseal(String sealed) {
                return Optional.empty();
            }
        };
        IdempotencyService restarted = new IdempotencyService(app.idempotencyKeys, forgetful, app.clock,
                Duration.ofHours(24), new DirectTransactions());

        assertThatThrownBy(() -> restarted.handle(request("k-1", "top-up 50"), topUp("50.00")))
                .isInstanceOf(IdempotentReplayUnavailableException.class);
        assertThat(remaining()).isEqualTo("150.00");
    }

    @Test
    void keysAreKeptForTheirRetention_thenForgotten_andTheKeyIsNewAgain() {
        app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00"));

        app.clock.advance(InMemoryMoments.IDEMPOTENCY_RETENTION);
        assertThat(app.idempotency.forgetExpired(100)).isZero();
        assertThat(app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00")).replayed()).isTrue();

        app.clock.advance(Duration.ofSeconds(1));
        assertThat(app.idempotency.forgetExpired(100)).isEqualTo(1);
        assertThat(app.idempotency.handle(request("k-1", "top-up 50"), topUp("50.00")).replayed()).isFalse();
        assertThat(remaining()).isEqualTo("200.00");
    }

    @Test
    void forgettingGoesInBoundedBatches() {
        for (int i = 0; i < 5; i++) {
            app.idempotency.handle(request("k-" + i, "reward"), () -> json(201, "{}", null));
        }
        app.clock.advance(InMemoryMoments.IDEMPOTENCY_RETENTION.plusMinutes(1));

        assertThat(app.idempotency.forgetExpired(2)).isEqualTo(2);
        assertThat(app.idempotency.forgetExpired(2)).isEqualTo(2);
        assertThat(app.idempotency.forgetExpired(2)).isEqualTo(1);
        assertThat(app.idempotency.forgetExpired(2)).isZero();
    }

    @Test
    void aBatchIsAtLeastOneKey() {
        app.idempotency.handle(request("k-1", "reward"), () -> json(201, "{}", null));
        app.clock.advance(InMemoryMoments.IDEMPOTENCY_RETENTION.plusMinutes(1));

        assertThatThrownBy(() -> app.idempotency.forgetExpired(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(app.idempotency.forgetExpired(1)).isEqualTo(1);
    }

    @Test
    void aKeyIsOneToTwoHundredFiftyFiveCharacters() {
        assertThatThrownBy(() -> request("", "f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request("k".repeat(256), "f")).isInstanceOf(IllegalArgumentException.class);
        assertThat(request("k".repeat(255), "f").key()).hasSize(255);
    }

    @Test
    void rewardsCreatedUnderOneKeyTwice_areOneReward() {
        Supplier<RecordedResponse> createReward = () -> {
            Reward reward = app.rewards.create(new CreateRewardCommand(partner, "Gift", "CREDIT", "5.00", "USD",
                    Set.of(), "sandbox", null, null));
            return json(201, "{\"id\": \"" + reward.id() + "\"}", "/v1/rewards/" + reward.id());
        };
        int before = app.rewardRepository.list(partner, PageRequest.first()).items().size();

        Outcome first = app.idempotency.handle(request("k-1", "gift"), createReward);
        Outcome retry = app.idempotency.handle(request("k-1", "gift"), createReward);

        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(app.rewardRepository.list(partner, PageRequest.first()).items()).hasSize(before + 1);
    }
}
