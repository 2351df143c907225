package dev.moments.application.service;

import dev.moments.application.port.in.RetryFulfillmentsUseCase;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.reward.FulfillmentProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The retry job of deliveries: takes the pending deliveries that are due, on whichever instance gets them first (their
 * rows are locked and leased for {@link DeliverySubmissions#RETRY_LEASE}), and submits each again.
 */
public final class RetryFulfillmentsService implements RetryFulfillmentsUseCase {

    private final ClaimRepository claims;
    private final DeliverySubmissions submissions;
    private final Clock clock;
    private final Transactions transactions;

    public RetryFulfillmentsService(ClaimRepository claims, DeliverySubmissions submissions, Clock clock,
                                    TransactionRunner transactions) {
        this.claims = claims;
        this.submissions = submissions;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public int retryDue(int batchSize) {
        List<AwardId> due = transactions.run(() -> {
            Instant now = clock.now();
            List<ClaimRecord> locked = new ArrayList<>();
            for (FulfillmentProvider provider : FulfillmentProvider.values()) {
                if (locked.size() < batchSize) {
                    locked.addAll(claims.lockDue(provider, now, batchSize - locked.size()));
                }
            }
            for (ClaimRecord claim : locked) {
                // hidden from the other instances while this one submits it, outside the transaction
                claims.updateDelivery(claim.retryAt(now.plus(DeliverySubmissions.RETRY_LEASE), claim.reason(), now),
                        FulfillmentStatus.PENDING);
            }
            return locked.stream().map(ClaimRecord::awardId).toList();
        });
        due.forEach(awardId -> submissions.submit(awardId, false));
        return due.size();
    }
}
