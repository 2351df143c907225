package dev.moments.application.port.out;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps claims — which reward a user picked for an award, with the address and e-mail given — and the delivery of
 * each (its provider, status, reference, code and retries). One claim per award, written once; its delivery changes
 * by compare-and-set on its status.
 */
public interface ClaimRepository {

    /** Stores a new claim with its delivery; a second claim of one award is refused with {@link ConcurrentWriteException}. */
    void insert(ClaimRecord claim);

    Optional<ClaimRecord> find(AwardId awardId);

    /**
     * Stores {@code changed}'s delivery (status, reference, code, reason, attempts, next attempt) only if the stored
     * status is still {@code expected}.
     *
     * @return whether it was changed
     */
    boolean updateDelivery(ClaimRecord changed, FulfillmentStatus expected);

    /**
     * Up to {@code limit} deliveries of {@code provider} still {@link FulfillmentStatus#PENDING} whose next attempt is
     * due by {@code now}, oldest due first, locked for this transaction and skipped by any other transaction doing the
     * same.
     */
    List<ClaimRecord> lockDue(FulfillmentProvider provider, Instant now, int limit);

    /**
     * A claim and its delivery.
     *
     * @param shipping the address given, or {@code null}
     * @param email the e-mail address given, or {@code null}
     * @param reference the provider's id of the order, once known
     * @param code what the user redeems, once delivered (codes, some http providers)
     * @param reason why the delivery failed or was cancelled
     * @param attempts how many times the order was submitted to the provider
     * @param nextAttemptAt when to submit again a delivery still pending, or {@code null}
     */
    record ClaimRecord(AwardId awardId, PartnerId partnerId, RewardId rewardId, FulfillmentProvider provider,
                       ShippingAddress shipping, String email, Instant claimedAt, FulfillmentStatus status,
                       String reference, String code, String reason, int attempts, Instant nextAttemptAt,
                       Instant updatedAt) {

        public ClaimRecord {
            Objects.requireNonNull(awardId, "awardId");
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(rewardId, "rewardId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(claimedAt, "claimedAt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        /** This claim with its delivery in {@code target}; reference and code are kept when not given, the reason is replaced. */
        public ClaimRecord deliver(FulfillmentStatus target, String newReference, String newCode, String newReason,
                                   Instant now) {
            return new ClaimRecord(awardId, partnerId, rewardId, provider, shipping, email, claimedAt, target,
                    newReference == null ? reference : newReference, newCode == null ? code : newCode,
                    newReason, attempts, target == FulfillmentStatus.PENDING
                    ? nextAttemptAt : null, now);
        }

        /** This claim, still pending, to be submitted again at {@code next}; {@code why} the last one failed. */
        public ClaimRecord retryAt(Instant next, String why, Instant now) {
            return new ClaimRecord(awardId, partnerId, rewardId, provider, shipping, email, claimedAt, status,
                    reference, code, why, attempts, next, now);
        }

        /** This claim counting {@code count} submissions. */
        public ClaimRecord withAttempts(int count) {
            return new ClaimRecord(awardId, partnerId, rewardId, provider, shipping, email, claimedAt, status,
                    reference, code, reason, count, nextAttemptAt, updatedAt);
        }
    }
}
