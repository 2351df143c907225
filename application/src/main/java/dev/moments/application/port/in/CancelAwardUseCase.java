package dev.moments.application.port.in;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;

/** A partner cancels an unclaimed award; its whole reservation goes back to the budget. */
public interface CancelAwardUseCase {

    /**
     * @throws NotFoundException if the partner has no such award
     * @throws dev.moments.domain.award.InvalidAwardTransitionException if it was claimed, expired or cancelled
     */
    AwardView cancel(PartnerId partnerId, AwardId awardId);
}
