package dev.moments.application.port.out;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.reward.RewardKind;
import dev.moments.domain.shared.Money;
import java.util.Objects;

/**
 * Hands claimed rewards to one kind of provider. {@link #submit} is called outside any transaction and may be called
 * more than once for one award (a retry after a timeout, a job on another instance): the award id is the order's
 * idempotency key, and a provider must never create a second order for it. A submission never throws for a provider's
 * failure; it answers what happened, and whether trying again may help.
 */
public interface FulfillmentGateway {

    /** The provider this gateway speaks for. */
    FulfillmentProvider provider();

    /** Places (or finds again) the order for one award. */
    Submission submit(Order order);

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
