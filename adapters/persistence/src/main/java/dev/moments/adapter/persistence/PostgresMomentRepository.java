package dev.moments.adapter.persistence;

import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.Page;
import dev.moments.application.port.out.PageRequest;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        // Read on every award, so plain SQL rather than a JPQL query and an entity to hydrate and detach.
        return Sql.first("select id, partner_id, name, status, cast(trigger as text) as trigger,"
                        + " cast(audience as text) as audience, starts_at, ends_at, timezone, reward_ids, per_user,"
                        + " per_device, cooldown, redeem_after, claim_within, holdout_percent, announcement,"
                        + " confirmation, created_at, updated_at from moments where id = ? and partner_id = ?",
                PostgresMomentRepository::row, id.value(), partnerId.value())
                .map(MomentMapper::toDomain);
    }

    @Override
    public Optional<MomentStatus> status(PartnerId partnerId, MomentId id) {
        return Sql.first("select status from moments where id = ? and partner_id = ?",
                row -> MomentStatus.valueOf(row.getString(1)), id.value(), partnerId.value());
    }

    @Override
    public Page<Moment> list(PartnerId partnerId, PageRequest page) {
        List<MomentEntity> rows = Paging.rows(MomentEntity.class, partnerId, page);
        return Store.page(rows, page.limit(), row -> row.id, MomentMapper::toDomain);
    }

    @Override
    public boolean updateStatus(Moment changed, MomentStatus expected) {
        return Sql.compareAndSetStatus("moments", changed.id().value(), changed.partnerId().value(), expected.name(),
                changed.status().name(), changed.updatedAt());
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

    private static MomentEntity row(ResultSet row) throws SQLException {
        MomentEntity moment = new MomentEntity();
        moment.id = row.getString("id");
        moment.partnerId = row.getString("partner_id");
        moment.name = row.getString("name");
        moment.status = row.getString("status");
        moment.trigger = row.getString("trigger");
        moment.audience = row.getString("audience");
        moment.startsAt = Sql.instant(row, "starts_at");
        moment.endsAt = Sql.instant(row, "ends_at");
        moment.timezone = row.getString("timezone");
        moment.rewardIds = (String[]) row.getArray("reward_ids").getArray();
        moment.perUser = row.getInt("per_user");
        moment.perDevice = row.getObject("per_device", Integer.class);
        moment.cooldown = row.getString("cooldown");
        moment.redeemAfter = row.getString("redeem_after");
        moment.claimWithin = row.getString("claim_within");
        moment.holdoutPercent = row.getInt("holdout_percent");
        moment.announcement = row.getString("announcement");
        moment.confirmation = row.getString("confirmation");
        moment.createdAt = Sql.instant(row, "created_at");
        moment.updatedAt = Sql.instant(row, "updated_at");
        return moment;
    }
}
