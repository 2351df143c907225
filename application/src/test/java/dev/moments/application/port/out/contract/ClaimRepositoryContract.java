package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@code ClaimRepository} must do. */
public abstract class ClaimRepositoryContract extends ContractSupport {

    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "1 Main St", "Apt 2",
            "Springfield", "IL", "62701", "US");

    private ClaimRecord claim(Partner partner, FulfillmentProvider provider, FulfillmentStatus status,
                              java.time.Instant next) {
        return new ClaimRecord(new AwardId(unique("awd_")), partner.id(), new RewardId(unique("rwd_")), provider,
                ADDRESS, "ada@example.com", AT, status, null, null, null, 0, next, AT);
    }

    @Test
    void aClaimIsStoredOnceAndFoundAsItWasStored() {
        ClaimRecord claim = claim(givenPartner(), FulfillmentProvider.HTTP, FulfillmentStatus.PENDING, AT);
        txRun(() -> ports().claims().insert(claim));

        assertThat(tx(() -> ports().claims().find(claim.awardId()))).contains(claim);
        assertThatThrownBy(() -> txRun(() -> ports().claims().insert(claim)))
                .isInstanceOf(ConcurrentWriteException.class);
        ClaimRecord bare = new ClaimRecord(new AwardId(unique("awd_")), claim.partnerId(), claim.rewardId(),
                FulfillmentProvider.SANDBOX, null, null, AT, FulfillmentStatus.FULFILLED, null, null, null, 0, null,
                AT);
        txRun(() -> ports().claims().insert(bare));
        assertThat(tx(() -> ports().claims().find(bare.awardId()))).contains(bare);
        assertThat(tx(() -> ports().claims().find(new AwardId("awd_none")))).isEmpty();
    }

    @Test
    void aDeliveryChangesOnlyFromTheExpectedStatus() {
        ClaimRecord claim = claim(givenPartner(), FulfillmentProvider.HTTP, FulfillmentStatus.PENDING, AT);
        txRun(() -> ports().claims().insert(claim));
        ClaimRecord submitted = claim.withAttempts(1).deliver(FulfillmentStatus.SUBMITTED, "ord_1", null, null,
                AT.plusSeconds(5));

        assertThat(tx(() -> ports().claims().updateDelivery(submitted, FulfillmentStatus.SUBMITTED))).isFalse();
        assertThat(tx(() -> ports().claims().updateDelivery(submitted, FulfillmentStatus.PENDING))).isTrue();
        assertThat(tx(() -> ports().claims().find(claim.awardId()))).contains(submitted);
        ClaimRecord fulfilled = submitted.deliver(FulfillmentStatus.FULFILLED, null, "GIFT-1", null,
                AT.plusSeconds(9));
        assertThat(tx(() -> ports().claims().updateDelivery(fulfilled, FulfillmentStatus.SUBMITTED))).isTrue();
        ClaimRecord stored = tx(() -> ports().claims().find(claim.awardId())).orElseThrow();
        assertThat(stored.code()).isEqualTo("GIFT-1");
        assertThat(stored.reference()).isEqualTo("ord_1");
        assertThat(stored.nextAttemptAt()).isNull();
    }

    @Test
    void duePendingDeliveriesOfOneProviderAreLockedOldestFirst() {
        Partner partner = givenPartner();
        java.time.Instant now = java.time.Instant.now().plus(Duration.ofDays(3650));
        ClaimRecord later = claim(partner, FulfillmentProvider.HTTP, FulfillmentStatus.PENDING, now.minusSeconds(10));
        ClaimRecord earlier = claim(partner, FulfillmentProvider.HTTP, FulfillmentStatus.PENDING, now.minusSeconds(20));
        ClaimRecord notDue = claim(partner, FulfillmentProvider.HTTP, FulfillmentStatus.PENDING, now.plusSeconds(1));
        ClaimRecord submitted = claim(partner, FulfillmentProvider.HTTP, FulfillmentStatus.SUBMITTED,
                now.minusSeconds(30));
        ClaimRecord webhook = claim(partner, FulfillmentProvider.WEBHOOK, FulfillmentStatus.PENDING,
                now.minusSeconds(30));
        txRun(() -> {
            for (ClaimRecord claim : java.util.List.of(later, earlier, notDue, submitted, webhook)) {
                ports().claims().insert(claim);
            }
        });

        java.util.List<AwardId> due = tx(() -> ports().claims().lockDue(FulfillmentProvider.HTTP, now, 1000)).stream()
                .map(ClaimRecord::awardId).filter(id -> java.util.Set.of(later.awardId(), earlier.awardId(),
                        notDue.awardId(), submitted.awardId(), webhook.awardId()).contains(id)).toList();
        assertThat(due).containsExactly(earlier.awardId(), later.awardId());
    }
}
