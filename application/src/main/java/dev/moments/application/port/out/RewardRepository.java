package dev.moments.application.port.out;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Keeps partners' reward catalogs; every lookup is scoped by partner. */
public interface RewardRepository {

    void insert(Reward reward);

    Optional<Reward> find(PartnerId partnerId, RewardId id);

    /** The partner's rewards among {@code ids}; ids of other partners or of no reward are left out. */
    List<Reward> findAll(PartnerId partnerId, Collection<RewardId> ids);

    /** The partner's rewards, oldest first. */
    Page<Reward> list(PartnerId partnerId, PageRequest page);
}
