package dev.moments.adapter.fulfillment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.fulfillment.TestOrders;
import dev.moments.application.fixtures.InMemoryCodePool;
import dev.moments.application.fixtures.InMemoryOutbox;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Decision;
import dev.moments.application.port.out.FulfillmentGateway.Unavailable;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pool's rules as the claim sees them, on the in-memory code pool (PostgresCodePool is held to the same contract). */
class CodePoolProviderTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final RewardId CARD = new RewardId("rwd_card");

    private final InMemoryCodePool pool = new InMemoryCodePool();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final CodePoolProvider codes = new CodePoolProvider(pool, outbox, new SequentialIds());

    private void add(String... newCodes) {
        pool.add(TestOrders.PARTNER, CARD, List.of(newCodes), NOW);
    }

    private Acceptance claim(String awardId) {
        return codes.accept(TestOrders.code(awardId, CARD), NOW);
    }

    private List<OutboxEvent> lowEvents() {
        return outbox.recent(TestOrders.PARTNER, 1000).stream().filter(e -> e.type().equals("codes.low")).toList();
    }

    @Test
    void eachClaimGetsItsOwnFreeCode_andAnEmptyPoolRefusesTheClaim() {
        add("C-1", "C-2");

        Acceptance first = claim("awd_1");
        Acceptance second = claim("awd_2");
        Acceptance third = claim("awd_3");

        assertThat(codes.provider()).isEqualTo(FulfillmentProvider.CODES);
        assertThat(first.decision()).isEqualTo(Decision.FULFILLED);
        assertThat(List.of(first.code(), second.code())).containsExactlyInAnyOrder("C-1", "C-2");
        assertThat(pool.assigned(CARD)).containsEntry(first.code(), new AwardId("awd_1"))
                .containsEntry(second.code(), new AwardId("awd_2")).hasSize(2);
        assertThat(third.decision()).isEqualTo(Decision.REFUSED);
        assertThat(third.refusal()).isEqualTo(Unavailable.OUT_OF_CODES);
        assertThat(third.reason()).isEqualTo("reward rwd_card has no code left");
        assertThat(third.code()).isNull();
    }

    @Test
    void aRewardWithoutAFreeCodeIsUnavailable() {
        RewardId never = new RewardId("rwd_never_stocked");
        RewardId stocked = new RewardId("rwd_stocked");
        pool.add(TestOrders.PARTNER, stocked, List.of("S-1"), NOW);
        add("C-1");
        claim("awd_1");

        assertThat(codes.unavailable(List.of(CARD, never, stocked))).isEqualTo(Map.of(
                CARD, Unavailable.OUT_OF_CODES, never, Unavailable.OUT_OF_CODES));
        assertThat(codes.unavailable(List.of())).isEmpty();
    }

    @Test
    void aLowPoolIsAnnouncedOncePerCrossing_inTheClaimsOutbox() {
        add(IntStream.range(0, 20).mapToObj(i -> "K-" + i).toArray(String[]::new));
        for (int i = 0; i < 17; i++) {
            claim("awd_" + i);
        }
        assertThat(lowEvents()).as("3 of 20 left is above 10%").isEmpty();
        claim("awd_17");
        claim("awd_18");

        assertThat(lowEvents()).singleElement().satisfies(event -> {
            assertThat(event.partnerId()).isEqualTo(TestOrders.PARTNER);
            assertThat(event.createdAt()).isEqualTo(NOW);
            assertThat(event.id()).startsWith("evt_");
            assertThat(event.data()).isEqualTo(Map.of("rewardId", "rwd_card", "name", "$5 gift card",
                    "codesAvailable", 2L));
        });

        add(IntStream.range(0, 20).mapToObj(i -> "L-" + i).toArray(String[]::new));
        assertThat(lowEvents()).hasSize(1);
        for (int i = 19; i < 38; i++) {
            claim("awd_" + i);
        }
        assertThat(lowEvents()).hasSize(2);
    }
}
