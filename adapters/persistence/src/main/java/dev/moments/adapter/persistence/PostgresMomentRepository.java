package dev.moments.adapter.persistence;

import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.Page;
import dev.moments.application.port.out.PageRequest;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Keeps moments in PostgreSQL, scoped by partner; finds the moments listening to an event type through the
 * {@code moment_event_types} index and changes a status only by compare-and-set.
 */
@ApplicationScoped
public class PostgresMomentRepository implements MomentRepository {

    @Override
    public void insert(Moment moment) {
        Store.insert(MomentMapper.toEntity(moment), "moment " + moment.id());
        for (MomentEventTypeEntity row : MomentMapper.eventTypes(moment)) {
            Store.insert(row, "event type " + row.eventType + " of moment " + moment.id());
        }
    }

    @Override
    public Optional<Moment> find(PartnerId partnerId, MomentId id) {
        return Store.detached(MomentEntity.<MomentEntity>list("id = ?1 and partnerId = ?2", id.value(),
                        partnerId.value()))
                .stream().findFirst().map(MomentMapper::toDomain);
    }

    @Override
    public Page<Moment> list(PartnerId partnerId, PageRequest page) {
        List<MomentEntity> rows = Paging.rows(MomentEntity.class, partnerId, page);
        return Store.page(rows, page.limit(), row -> row.id, MomentMapper::toDomain);
    }

    @Override
    public boolean updateStatus(Moment changed, MomentStatus expected) {
        return Store.em()
                .createQuery("update MomentEntity m set m.status = :status, m.updatedAt = :updatedAt"
                        + " where m.id = :id and m.partnerId = :partnerId and m.status = :expected")
                .setParameter("status", changed.status().name())
                .setParameter("updatedAt", changed.updatedAt())
                .setParameter("id", changed.id().value())
                .setParameter("partnerId", changed.partnerId().value())
                .setParameter("expected", expected.name())
                .executeUpdate() == 1;
    }

    @Override
    public List<Moment> findInStatus(PartnerId partnerId, List<MomentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<MomentEntity> rows = MomentEntity.list(
                "from MomentEntity m where m.partnerId = ?1 and m.status in ?2 order by m.createdAt, m.id",
                partnerId.value(), statuses.stream().map(MomentStatus::name).toList());
        return Store.detached(rows).stream().map(MomentMapper::toDomain).toList();
    }

    @Override
    public List<Moment> findListening(PartnerId partnerId, String eventType, List<MomentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<MomentEntity> rows = MomentEntity.list(
                "from MomentEntity m where m.partnerId = ?1 and m.status in ?2 and exists ("
                        + "select 1 from MomentEventTypeEntity t where t.momentId = m.id"
                        + " and t.partnerId = ?1 and t.eventType = ?3) order by m.createdAt, m.id",
                partnerId.value(), statuses.stream().map(MomentStatus::name).toList(), eventType);
        return Store.detached(rows).stream().map(MomentMapper::toDomain).toList();
    }
}
