package dev.moments.application.port.out;

import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Hands claimed rewards to one kind of provider ({@code sandbox}, {@code codes}, {@code webhook}, {@code http}), in two
 * phases, so that the claim itself knows nothing of any provider:
 *
 * <ol>
 *   <li>{@link #accept} runs <em>inside the claim's transaction</em>, after the award row, the partner and the budget
 *       are locked and before the reservation is settled (so a row it locks comes before the moment row in the lock
 *       order of docs/architecture.md). It may write in that transaction — take a pooled code, append an outbox
 *       event — and everything it wrote commits or rolls back with the claim. It answers how the delivery starts:
 *       delivered at once, handed over, to be submitted after the commit, or refused (then the claim is refused and
 *       nothing is changed). It may run more than once for one claim, when the claim's transaction lost a race and is
 *       run again: it must do nothing outside that transaction.</li>
 *   <li>{@link #submit} runs <em>after the commit, outside any transaction</em>, only for a delivery {@link #accept}
 *       left {@link Decision#PENDING}. It may be called more than once for one award (a retry after a timeout, the
 *       retry job on another instance): the award id is the order's idempotency key, and a provider must never create
 *       a second order for it. A submission never throws for a provider's failure; it answers what happened, and
 *       whether trying again may help.</li>
 * </ol>
 */
public interface FulfillmentGateway {

    /** The provider this gateway speaks for. */
    FulfillmentProvider provider();

    /**
     * Takes the order in the claim's transaction (see the type's comment).
     *
     * @param order the order as its first submission would carry it (attempt 1)
     * @param at the claim's time, for anything this writes
     */
    Acceptance accept(Order order, Instant at);

    /**
     * Places (or finds again) the order for one award, after the claim committed. Only a provider whose
     * {@link #accept} answers {@link Decision#PENDING} is ever asked; the others deliver in the claim.
     */
    default Submission submit(Order order) {
        return Submission.permanent("the " + provider().apiName() + " provider delivers in the claim; it takes no"
                + " submission");
    }

    /**
     * The rewards of this provider that cannot be claimed now, and why (a code pool that is empty), for the options a
     * redemption link shows. Read-only; by default every reward can be.
     */
    default Map<RewardId, Unavailable> unavailable(Collection<RewardId> rewardIds) {
        return Map.of();
    }

    /**
     * What a provider needs to deliver one claimed reward.
     *
     * @param shipping the address for a physical reward, otherwise {@code null}
     * @param email where the user wants to hear from the provider, or {@code null}
     * @param attempt 1 for the first submission, 2 for the first retry, …
     */
    record Order(AwardId awardId, PartnerId partnerId, String userId, RewardId rewardId, String rewardName,
                 RewardKind kind, Money cost, ShippingAddress shipping, String email, int attempt) {

        public Order {
            Objects.requireNonNull(awardId, "awardId");
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(rewardId, "rewardId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(cost, "cost");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempts count from 1");
            }
        }

        /** The order of one claimed award, as its {@code attempt}-th submission carries it. */
        public static Order of(Award award, Reward reward, ShippingAddress shipping, String email, int attempt) {
            return new Order(award.id(), award.partnerId(), award.userId(), reward.id(), reward.name(), reward.kind(),
                    reward.cost(), shipping, email, attempt);
        }
    }

    /**
     * How a provider takes a claimed reward, answered in the claim's transaction.
     *
     * @param reference the provider's id of the order, when it has one already
     * @param code what the user redeems (a pooled code), when delivered at once
     * @param refusal why the reward cannot be had, for {@link Decision#REFUSED}
     * @param reason what to tell about a refusal, for {@link Decision#REFUSED}
     * @param sharesClaim whether the claim's address and e-mail go to the partner with {@code award.claimed}: only
     *                    when the partner itself delivers the reward (the {@code webhook} provider)
     */
    record Acceptance(Decision decision, String reference, String code, Unavailable refusal, String reason,
                      boolean sharesClaim) {

        public Acceptance {
            Objects.requireNonNull(decision, "decision");
            if ((decision == Decision.REFUSED) != (refusal != null)) {
                throw new IllegalArgumentException("a refusal, and only a refusal, says why");
            }
        }

        /** Delivered at once; {@code code} is what the user redeems, if anything. */
        public static Acceptance fulfilled(String code) {
            return new Acceptance(Decision.FULFILLED, null, code, null, null, false);
        }

        /** Handed over to whoever delivers it; they report how it goes. */
        public static Acceptance submitted(String reference) {
            return new Acceptance(Decision.SUBMITTED, reference, null, null, null, false);
        }

        /** Accepted; {@link #submit} places the order after the claim committed. */
        public static Acceptance pending() {
            return new Acceptance(Decision.PENDING, null, null, null, null, false);
        }

        /** The reward cannot be had now: the claim is refused and changes nothing. */
        public static Acceptance refused(Unavailable why, String reason) {
            return new Acceptance(Decision.REFUSED, null, null, Objects.requireNonNull(why, "why"), reason, false);
        }

        /** This acceptance, with the claim's address and e-mail shared with the partner who delivers. */
        public Acceptance sharingTheClaim() {
            return new Acceptance(decision, reference, code, refusal, reason, true);
        }

        /** The delivery's status right after the claim; a refusal has none. */
        public FulfillmentStatus delivery() {
            return switch (decision) {
                case FULFILLED -> FulfillmentStatus.FULFILLED;
                case SUBMITTED -> FulfillmentStatus.SUBMITTED;
                case PENDING -> FulfillmentStatus.PENDING;
                case REFUSED -> throw new IllegalStateException("a refused claim has no delivery");
            };
        }
    }

    /** How a delivery starts. */
    enum Decision {
        /** Delivered in the claim (the sandbox, a pooled code): the award is FULFILLED when the claim commits. */
        FULFILLED,
        /** Handed over in the claim (the partner, told by the outbox): the award is FULFILLING until reported. */
        SUBMITTED,
        /** To be submitted after the claim committed: the award stays CLAIMED with its delivery PENDING until then. */
        PENDING,
        /** Not deliverable now: the claim is refused with nothing changed. */
        REFUSED
    }

    /** Why a provider cannot deliver a reward now. */
    enum Unavailable {
        /** The reward's code pool has no free code. */
        OUT_OF_CODES
    }

    /**
     * The provider's answer to one submission.
     *
     * @param reference the provider's id of the order, when it gave one
     * @param code what the user redeems (a gift-card code), when the provider delivered one at once
     * @param reason why it failed, for the failures
     */
    record Submission(Outcome outcome, String reference, String code, String reason) {

        public Submission {
            Objects.requireNonNull(outcome, "outcome");
        }

        public static Submission submitted(String reference) {
            return new Submission(Outcome.SUBMITTED, reference, null, null);
        }

        public static Submission fulfilled(String reference, String code) {
            return new Submission(Outcome.FULFILLED, reference, code, null);
        }

        public static Submission retryable(String reason) {
            return new Submission(Outcome.RETRYABLE_FAILURE, null, null, reason);
        }

        public static Submission permanent(String reason) {
            return new Submission(Outcome.PERMANENT_FAILURE, null, null, reason);
        }
    }

    /** How a submission went. */
    enum Outcome {
        /** The provider has the order and will report when it is delivered. */
        SUBMITTED,
        /** Delivered at once. */
        FULFILLED,
        /**
         * It did not work this time (timeout, 5xx, refused connection, open circuit, 401/403/408/429); the same order
         * may be submitted again later, and a retry finds the order again if the provider made it after all.
         */
        RETRYABLE_FAILURE,
        /**
         * The provider refused the order for good: a 4xx about the order itself. Not a conflict on the idempotency
         * key, not 401/403 (our credentials are wrong, which a fixed key cures), not 408 or 429.
         */
        PERMANENT_FAILURE
    }
}
