package dev.moments.adapter.persistence;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Keeps partners' reward catalogs in PostgreSQL; every lookup is scoped by partner. */
@ApplicationScoped
@StoreOutages
public class PostgresRewardRepository implements RewardRepository {

    @Override
    public void insert(Reward reward) {
        Store.insert(RewardMapper.toEntity(reward), "reward " + reward.id());
    }

    @Override
    public Optional<Reward> find(PartnerId partnerId, RewardId id) {
        return Store.detached(RewardEntity.<RewardEntity>list("id = ?1 and partnerId = ?2", id.value(),
                        partnerId.value()))
                .stream().findFirst().map(RewardMapper::toDomain);
    }

    @Override
    public List<Reward> findAll(PartnerId partnerId, Collection<RewardId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = ids.stream().map(RewardId::value).distinct().toList();
        return Store.detached(RewardEntity.<RewardEntity>list("partnerId = ?1 and id in ?2", partnerId.value(),
                        values))
                .stream().map(RewardMapper::toDomain).toList();
    }

    @Override
    public Page<Reward> list(PartnerId partnerId, PageRequest page) {
        List<RewardEntity> rows = Paging.rows(RewardEntity.class, partnerId, page);
        return Store.page(rows, page.limit(), row -> row.id, RewardMapper::toDomain);
    }
}
