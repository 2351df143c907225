package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;

/** A partner reads its reward catalog. */
public interface GetRewardQuery {

    /** @throws NotFoundException if the partner has no such reward */
    Reward get(PartnerId partnerId, RewardId id);

    Page<Reward> list(PartnerId partnerId, PageRequest page);
}
