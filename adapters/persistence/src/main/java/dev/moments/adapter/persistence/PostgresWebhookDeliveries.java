package dev.moments.adapter.persistence;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.DeliveryStatus;
import dev.moments.domain.webhook.WebhookDelivery;
import dev.moments.domain.webhook.WebhookId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps webhook deliveries and their attempts in PostgreSQL. The fan-out writes, the dispatch's leases and its
 * records are plain SQL (batches, a lock, a compare-and-set on the lease); the log is read through its entities.
 */
@ApplicationScoped
@StoreOutages
public class PostgresWebhookDeliveries implements WebhookDeliveries {

    // batch: the deliveries of a relayed batch of events, written in order (their seq keeps it)
    private static final String INSERT = "insert into webhook_deliveries (id, partner_id, endpoint_id, event_id,"
            + " type, award_id, data, event_created_at, status, attempts, next_attempt_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, 'PENDING', 0, ?, ?)";

    /**
     * The due deliveries an instance may lease: PENDING, due, not leased (or the lease ran out), of an enabled
     * endpoint, with no earlier PENDING delivery of the same award to the same endpoint; per endpoint, only as many
     * as leave it at most {@code perEndpoint} leased (those leased already counted).
     */
    private static final String LEASE = """
            with due as (
                select d.id, d.endpoint_id, row_number() over (partition by d.endpoint_id order by d.seq) as n
                from webhook_deliveries d
                join webhook_endpoints e on e.id = d.endpoint_id and e.enabled
                where d.status = 'PENDING' and d.next_attempt_at <= cast(? as timestamptz)
                  and (d.leased_until is null or d.leased_until <= cast(? as timestamptz))
                  and not exists (select 1 from webhook_deliveries p where p.endpoint_id = d.endpoint_id
                                  and p.award_id = d.award_id and p.status = 'PENDING' and p.seq < d.seq)
            ), busy as (
                select endpoint_id, count(*) as leased from webhook_deliveries
                where status = 'PENDING' and leased_until > cast(? as timestamptz)
                  and endpoint_id in (select endpoint_id from due)
                group by endpoint_id
            )
            select d.id, d.partner_id, d.endpoint_id, d.event_id, d.type, cast(d.data as text) as data,
                   d.event_created_at, d.attempts
            from webhook_deliveries d
            where d.id in (select due.id from due left join busy on busy.endpoint_id = due.endpoint_id
                           where due.n + coalesce(busy.leased, 0) <= ?)
              and d.status = 'PENDING' and (d.leased_until is null or d.leased_until <= cast(? as timestamptz))
            order by d.seq
            limit ?
            for update skip locked""";

    @Override
    public void insertAll(List<NewDelivery> deliveries) {
        Sql.insertAll("webhook deliveries", INSERT, deliveries.stream().map(delivery -> new Object[] {
                delivery.id(), delivery.event().partnerId().value(), delivery.endpointId().value(),
                delivery.event().id(), delivery.event().type(), delivery.event().awardId(),
                Json.write(Json.node(delivery.event().data())), delivery.event().createdAt(), delivery.createdAt(),
                delivery.createdAt()}).toList());
    }

    @Override
    public List<DueDelivery> lease(Instant now, Instant until, String token, int limit, int perEndpoint) {
        // lock: the due deliveries, SKIP LOCKED so that instances lease different ones
        List<DueDelivery> due = Sql.list(LEASE, row -> due(row, token), now, now, now, perEndpoint, now, limit);
        if (!due.isEmpty()) {
            // bulk write: the lease of the rows just locked
            Sql.update("update webhook_deliveries set leased_until = ?, lease_token = ? where id = any(?)", until,
                    token, due.stream().map(DueDelivery::id).toArray(String[]::new));
        }
        return due;
    }

    @Override
    public void record(List<Outcome> outcomes) {
        // batch: the attempts answered in a dispatch round; a delivery deleted meanwhile gets none
        Sql.batch("insert into webhook_attempts (delivery_id, attempted_at, status_code, duration_ms, error)"
                        + " select ?, ?, ?, ?, ? where exists (select 1 from webhook_deliveries where id = ?)",
                outcomes.stream().map(outcome -> new Object[] {outcome.deliveryId(), outcome.attempt().at(),
                        outcome.attempt().statusCode(), outcome.attempt().durationMs(), outcome.attempt().error(),
                        outcome.deliveryId()}).toList());
        // conditional update: a delivery's status moves on only under the lease that sent it
        Sql.batch("update webhook_deliveries set status = ?, attempts = ?, next_attempt_at = ?, leased_until = null,"
                        + " lease_token = null where id = ? and lease_token = ?",
                outcomes.stream().map(outcome -> new Object[] {outcome.status().name(), outcome.attempts(),
                        outcome.nextAttemptAt(), outcome.deliveryId(), outcome.token()}).toList());
    }

    @Override
    public Page<WebhookDelivery> list(PartnerId partnerId, WebhookId endpointId, DeliveryStatus status,
                                      PageRequest page) {
        String jpql = "from WebhookDeliveryEntity d where d.partnerId = :partnerId and d.endpointId = :endpointId"
                + (status == null ? "" : " and d.status = :status")
                + (page.after() == null ? "" : " and d.seq < :after") + " order by d.seq desc";
        TypedQuery<WebhookDeliveryEntity> query = Store.em().createQuery(jpql, WebhookDeliveryEntity.class)
                .setParameter("partnerId", partnerId.value())
                .setParameter("endpointId", endpointId.value())
                .setMaxResults(page.limit() + 1);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (page.after() != null) {
            query.setParameter("after", cursor(page.after()));
        }
        List<WebhookDeliveryEntity> rows = Store.detached(query.getResultList());
        boolean more = rows.size() > page.limit();
        List<WebhookDeliveryEntity> kept = more ? rows.subList(0, page.limit()) : rows;
        Map<String, List<DeliveryAttempt>> attempts = attempts(kept.stream().map(row -> row.id).toList());
        return new Page<>(kept.stream().map(row -> toDomain(row, attempts.getOrDefault(row.id, List.of()))).toList(),
                more ? Long.toString(kept.get(kept.size() - 1).seq) : null);
    }

    @Override
    public Optional<WebhookDelivery> find(PartnerId partnerId, WebhookId endpointId, String deliveryId) {
        return Store.detached(WebhookDeliveryEntity.<WebhookDeliveryEntity>list(
                        "id = ?1 and partnerId = ?2 and endpointId = ?3", deliveryId, partnerId.value(),
                        endpointId.value())).stream().findFirst()
                .map(row -> toDomain(row, attempts(List.of(row.id)).getOrDefault(row.id, List.of())));
    }

    @Override
    public boolean retryNow(PartnerId partnerId, WebhookId endpointId, String deliveryId, Instant now) {
        // conditional update: a delivery's status, due again with a fresh count; a lease still running is kept (that
        // send is under way: no second send beside it, and its answer is recorded as any other)
        return Sql.update("update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " lease_token = case when leased_until > ? then lease_token end,"
                + " leased_until = case when leased_until > ? then leased_until end"
                + " where id = ? and partner_id = ? and endpoint_id = ?",
                now, now, now, deliveryId, partnerId.value(), endpointId.value()) == 1;
    }

    @Override
    public long countPending() {
        return WebhookDeliveryEntity.count("status", DeliveryStatus.PENDING.name());
    }

    // Plain SQL: one statement, oldest first, skipping rows another instance is deleting; attempts go by cascade.
    @Override
    public int prune(Instant before, int limit) {
        return Sql.update("delete from webhook_deliveries where id in (select id from webhook_deliveries"
                + " where status <> 'PENDING' and created_at < ? order by created_at limit ? for update skip locked)",
                before, limit);
    }

    private static Map<String, List<DeliveryAttempt>> attempts(List<String> deliveryIds) {
        Map<String, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return attempts;
        }
        List<WebhookAttemptEntity> rows = Store.detached(Store.em().createQuery(
                        "from WebhookAttemptEntity a where a.deliveryId in :ids order by a.seq",
                        WebhookAttemptEntity.class)
                .setParameter("ids", deliveryIds).getResultList());
        for (WebhookAttemptEntity row : rows) {
            attempts.computeIfAbsent(row.deliveryId, id -> new ArrayList<>())
                    .add(new DeliveryAttempt(row.attemptedAt, row.statusCode, row.durationMs, row.error));
        }
        return attempts;
    }

    private static WebhookDelivery toDomain(WebhookDeliveryEntity row, List<DeliveryAttempt> attempts) {
        return new WebhookDelivery(row.id, new WebhookId(row.endpointId), row.eventId, row.type,
                DeliveryStatus.valueOf(row.status), row.attempts, row.nextAttemptAt, row.createdAt, attempts);
    }

    private static DueDelivery due(ResultSet row, String token) throws SQLException {
        PartnerId partner = new PartnerId(row.getString("partner_id"));
        OutboxEvent event = new OutboxEvent(row.getString("event_id"), partner, row.getString("type"),
                Json.fields(Json.read(row.getString("data"))), Sql.instant(row, "event_created_at"));
        return new DueDelivery(row.getString("id"), partner, new WebhookId(row.getString("endpoint_id")), event,
                row.getInt("attempts"), token);
    }

    private static long cursor(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("after", "not a cursor");
        }
    }
}
