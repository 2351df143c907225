package dev.moments.adapter.persistence;

import dev.moments.application.port.out.AwardRepository;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps awards in PostgreSQL; the unique key (moment, user, completion) refuses a second award for one completion.
 */
@ApplicationScoped
public class PostgresAwardRepository implements AwardRepository {

    @Override
    public void insert(Award award, String sealedToken) {
        Store.insert(AwardMapper.toEntity(award, sealedToken), "award for completion " + award.completion()
                + " of moment " + award.momentId() + " by user " + award.userId());
    }

    @Override
    public Optional<Award> find(PartnerId partnerId, AwardId id) {
        return Store.detached(AwardEntity.<AwardEntity>list("id = ?1 and partnerId = ?2", id.value(),
                        partnerId.value()))
                .stream().findFirst().map(AwardMapper::toDomain);
    }

    @Override
    public List<Award> findAll(PartnerId partnerId, Collection<AwardId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = ids.stream().map(AwardId::value).distinct().toList();
        return Store.detached(AwardEntity.<AwardEntity>list("partnerId = ?1 and id in ?2", partnerId.value(),
                        values))
                .stream().map(AwardMapper::toDomain).toList();
    }

    @Override
    public int countForUser(MomentId momentId, String userId) {
        return Math.toIntExact(AwardEntity.count("momentId = ?1 and userId = ?2", momentId.value(), userId));
    }

    @Override
    public Optional<String> sealedToken(AwardId id) {
        return Store.em()
                .createQuery("select a.tokenSealed from AwardEntity a where a.id = :id", String.class)
                .setParameter("id", id.value())
                .getResultStream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
