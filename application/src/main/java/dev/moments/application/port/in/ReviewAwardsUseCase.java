package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;

/**
 * The review queue: awards of moments with a {@code review} rule wait in PENDING_REVIEW, their price reserved and
 * their link not yet usable, until the partner approves or rejects them; a job rejects those nobody decided on in
 * time. Every decision is written to the audit log with the one who took it.
 */
public interface ReviewAwardsUseCase {

    /** The partner's awards waiting for review, oldest first. */
    Page<AwardView> pending(PartnerId partnerId, PageRequest page);

    /**
     * Approves an award waiting for review: it becomes EARNED, its link usable, and {@code award.earned} is sent now.
     *
     * @param actor who decides ({@code key:…}, {@code console:…})
     * @throws NotFoundException when the partner has no such award
     * @throws dev.moments.domain.award.InvalidAwardTransitionException when it is not waiting for review
     */
    AwardView approve(PartnerId partnerId, AwardId awardId, String actor);

    /**
     * Rejects an award waiting for review: it is CANCELLED, its reservation goes back to the budget, and
     * {@code award.cancelled} is sent.
     *
     * @throws dev.moments.domain.shared.InvalidValueException when the reason is missing or longer than 500
     * @throws NotFoundException when the partner has no such award
     * @throws dev.moments.domain.award.InvalidAwardTransitionException when it is not waiting for review
     */
    AwardView reject(PartnerId partnerId, AwardId awardId, String reason, String actor);

    /** Rejects up to {@code batchSize} awards that waited longer than their moment allows; how many. */
    int rejectDue(int batchSize);
}
