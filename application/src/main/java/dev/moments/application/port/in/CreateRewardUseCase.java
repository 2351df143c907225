package dev.moments.application.port.in;

import dev.moments.domain.reward.Reward;

/** A partner adds a reward to its catalog. */
public interface CreateRewardUseCase {

    Reward create(CreateRewardCommand command);
}
