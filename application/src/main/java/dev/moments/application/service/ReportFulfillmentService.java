package dev.moments.application.service;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.NotReportableException;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.reward.FulfillmentProvider;
import java.util.Optional;

/**
 * What partners (for the {@code webhook} provider) and the {@code http} provider's callbacks report about a delivery,
 * idempotent by status: the same status again is a DUPLICATE, a move the delivery cannot make is IGNORED.
 */
public final class ReportFulfillmentService implements ReportFulfillmentUseCase {

    private final AwardRepository awards;
    private final ClaimRepository claims;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Transactions transactions;

    public ReportFulfillmentService(AwardRepository awards, ClaimRepository claims, Deliveries deliveries, Clock clock,
                                    TransactionRunner transactions) {
        this.awards = awards;
        this.claims = claims;
        this.deliveries = deliveries;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Result report(Report report) {
        return transactions.run(() -> {
            Award award = awards.lock(report.awardId())
                    .filter(found -> report.partnerId() == null || found.partnerId().equals(report.partnerId()))
                    .orElseThrow(() -> new NotFoundException("award", report.awardId()));
            Optional<ClaimRecord> claim = claims.find(award.id());
            if (report.partnerId() != null) {
                ClaimRecord found = claim.orElseThrow(() -> new NotReportableException("award " + award.id()
                        + " is not claimed"));
                if (found.provider() != FulfillmentProvider.WEBHOOK) {
                    throw new NotReportableException("award " + award.id() + " is delivered by the "
                            + found.provider().apiName() + " provider, not reported by the partner");
                }
            } else if (claim.isEmpty() || claim.get().provider() != FulfillmentProvider.HTTP) {
                return Result.IGNORED;
            }
            if (report.status() == FulfillmentStatus.PENDING) {
                return claim.get().status() == FulfillmentStatus.PENDING ? Result.DUPLICATE : Result.IGNORED;
            }
            return deliveries.apply(award, claim.get(), report.status(), report.reference(), report.code(),
                    report.reason(), clock.now());
        });
    }
}
