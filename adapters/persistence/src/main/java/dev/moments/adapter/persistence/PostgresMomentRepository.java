package dev.moments.adapter.persistence;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.MomentRepository;
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
 * {@code moment_event_types} index and changes a status, or an edited definition, only by compare-and-set.
 */
@ApplicationScoped
@StoreOutages
public class PostgresMomentRepository implements MomentRepository {

    private static final String SELECT = "select id, partner_id, name, status, cast(trigger as text) as trigger,"
            + " cast(audience as text) as audience, starts_at, ends_at, timezone, reward_ids, per_user, per_device,"
            + " cooldown, redeem_after, claim_within, per_ip_max, per_ip_within, min_account_age, review_above,"
            + " review_auto_reject_after, holdout_percent,"
            + " announcement, confirmation,"
            + " email_subject, email_body, cast(outcomes as text) as outcomes, cast(variants as text) as variants,"
            + " expected_value_per_action,"
            + " expected_value_currency, created_at,"
            + " updated_at from moments m";

    @Override
    public void insert(Moment moment) {
        Store.insert(MomentMapper.toEntity(moment), "moment " + moment.id());
        insertEventTypes(moment);
    }

    private static void insertEventTypes(Moment moment) {
        for (MomentEventTypeEntity row : MomentMapper.eventTypes(moment)) {
            Store.insert(row, "event type " + row.eventType + " of moment " + moment.id());
        }
    }

    @Override
    public Optional<Moment> find(PartnerId partnerId, MomentId id) {
        // per-event path: read again after the budget on every award
        return Sql.first(SELECT + " where id = ? and partner_id = ?", PostgresMomentRepository::row, id.value(),
                partnerId.value()).map(MomentMapper::toDomain);
    }

    @Override
    public Optional<MomentStatus> status(PartnerId partnerId, MomentId id) {
        return Store.em().createQuery("select m.status from MomentEntity m"
                        + " where m.id = :id and m.partnerId = :partnerId", String.class)
                .setParameter("id", id.value())
                .setParameter("partnerId", partnerId.value())
                .getResultStream().findFirst().map(MomentStatus::valueOf);
    }

    @Override
    public Page<Moment> list(PartnerId partnerId, PageRequest page) {
        List<MomentEntity> rows = Paging.rows(MomentEntity.class, partnerId, page);
        return Store.page(rows, page.limit(), row -> row.id, MomentMapper::toDomain);
    }

    @Override
    public boolean updateStatus(Moment changed, MomentStatus expected) {
        // conditional update: compare-and-set on the status
        return Sql.compareAndSetStatus("moments", changed.id().value(), changed.partnerId().value(), expected.name(),
                changed.status().name(), changed.updatedAt());
    }

    private static final String UPDATE = "update moments set name = ?, trigger = cast(? as jsonb),"
            + " audience = cast(? as jsonb), starts_at = ?, ends_at = ?, timezone = ?, reward_ids = ?, per_user = ?,"
            + " per_device = ?, cooldown = ?, redeem_after = ?, claim_within = ?, per_ip_max = ?,"
            + " per_ip_within = ?, min_account_age = ?, review_above = ?, review_auto_reject_after = ?,"
            + " holdout_percent = ?,"
            + " announcement = ?, confirmation = ?, email_subject = ?, email_body = ?, outcomes = cast(? as jsonb),"
            + " variants = cast(? as jsonb), expected_value_per_action = ?,"
            + " expected_value_currency = ?, updated_at = ? where id = ? and partner_id = ? and status = ?";

    @Override
    public boolean update(Moment edited) {
        MomentEntity row = MomentMapper.toEntity(edited);
        // conditional update: compare-and-set on the status (only a DRAFT or PAUSED moment is edited)
        int changed = Sql.update(UPDATE, row.name, row.trigger, row.audience, row.startsAt, row.endsAt, row.timezone,
                row.rewardIds, row.perUser, row.perDevice, row.cooldown, row.redeemAfter, row.claimWithin,
                row.perIpMax, row.perIpWithin, row.minAccountAge, row.reviewAbove, row.reviewAutoRejectAfter,
                row.holdoutPercent, row.announcement, row.confirmation, row.emailSubject, row.emailBody, row.outcomes,
                row.variants, row.expectedValuePerAction, row.expectedValueCurrency, row.updatedAt, row.id,
                row.partnerId, row.status);
        if (changed != 1) {
            return false;
        }
        // the index of listening moments follows the trigger
        MomentEventTypeEntity.delete("momentId", row.id);
        insertEventTypes(edited);
        return true;
    }

    // The two reads below fill the index of listening moments (findInStatus does; findListening reads the same way);
    // in plain SQL because Hibernate 7.2 parsed their JPQL again on every call (its interpretation cache missed them),
    // which made each reload of the index costly.

    @Override
    public List<Moment> findInStatus(PartnerId partnerId, List<MomentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        // bulk read: statuses = any(?), the index's reload (JPQL was parsed again on every call)
        return Sql.list(SELECT + " where m.partner_id = ? and m.status = any(?) order by m.created_at, m.id",
                PostgresMomentRepository::row, partnerId.value(), names(statuses))
                .stream().map(MomentMapper::toDomain).toList();
    }

    @Override
    public List<Moment> findListening(PartnerId partnerId, String eventType, List<MomentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        // bulk read: statuses = any(?), as findInStatus
        return Sql.list(SELECT + " where m.partner_id = ? and m.status = any(?) and exists (select 1 from"
                        + " moment_event_types t where t.moment_id = m.id and t.partner_id = m.partner_id"
                        + " and t.event_type = ?) order by m.created_at, m.id",
                PostgresMomentRepository::row, partnerId.value(), names(statuses), eventType)
                .stream().map(MomentMapper::toDomain).toList();
    }

    private static String[] names(List<MomentStatus> statuses) {
        return statuses.stream().map(MomentStatus::name).toArray(String[]::new);
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
        moment.perIpMax = row.getObject("per_ip_max", Integer.class);
        moment.perIpWithin = row.getString("per_ip_within");
        moment.minAccountAge = row.getString("min_account_age");
        moment.reviewAbove = row.getBigDecimal("review_above");
        moment.reviewAutoRejectAfter = row.getString("review_auto_reject_after");
        moment.holdoutPercent = row.getInt("holdout_percent");
        moment.announcement = row.getString("announcement");
        moment.confirmation = row.getString("confirmation");
        moment.emailSubject = row.getString("email_subject");
        moment.emailBody = row.getString("email_body");
        moment.outcomes = row.getString("outcomes");
        moment.variants = row.getString("variants");
        moment.expectedValuePerAction = row.getBigDecimal("expected_value_per_action");
        moment.expectedValueCurrency = row.getString("expected_value_currency");
        moment.createdAt = Sql.instant(row, "created_at");
        moment.updatedAt = Sql.instant(row, "updated_at");
        return moment;
    }
}
