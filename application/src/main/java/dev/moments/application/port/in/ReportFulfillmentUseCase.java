package dev.moments.application.port.in;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.partner.PartnerId;
import java.util.Objects;

/**
 * A provider's callback or a partner's word on a delivery. Idempotent: a report of the status the delivery already has
 * changes nothing and answers {@link Result#DUPLICATE}; a report that would move a finished delivery elsewhere answers
 * {@link Result#IGNORED} and changes nothing either, so duplicate or late callbacks never fulfil or fail twice.
 *
 * @throws NotFoundException when there is no such award (of that partner, when a partner reports)
 */
public interface ReportFulfillmentUseCase {

    Result report(Report report);

    /**
     * @param partnerId the partner reporting (the {@code webhook} provider), or {@code null} for a provider's
     *                  callback already authenticated by its signature
     * @param reference the provider's id of the order, if it sent one
     * @param code what the user redeems, if the provider delivered a code
     * @param reason why it failed or was cancelled
     */
    record Report(AwardId awardId, PartnerId partnerId, FulfillmentStatus status, String reference, String code,
                  String reason) {

        public Report {
            Objects.requireNonNull(awardId, "awardId");
            Objects.requireNonNull(status, "status");
        }
    }

    enum Result {
        /** The delivery moved to the reported status. */
        APPLIED,
        /** The delivery already had that status. */
        DUPLICATE,
        /** The delivery had finished otherwise; the report was ignored. */
        IGNORED
    }
}
