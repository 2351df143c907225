package dev.moments.adapter.persistence;

import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps awards in PostgreSQL; the unique key (moment, user, completion) refuses a second award for one completion.
 * Every status an award takes is appended to {@code award_history} by the method that stores it (insert, or the
 * compare-and-set of {@link #updateStatus}), so history and status never disagree.
 */
@ApplicationScoped
@StoreOutages
public class PostgresAwardRepository implements AwardRepository {

    private static final String INSERT = "insert into awards (id, partner_id, moment_id, user_id, device_id,"
            + " completion, status, reserved, currency, test, event_id, token_digest, token_sealed, earned_at,"
            + " redeemable_at, expires_at, updated_at, referrer, referee, variant, ip_key, risk, notify_email)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)";

    private static final String HISTORY =
            "insert into award_history (award_id, status, at, reason) values (?, ?, ?, ?)";

    @Override
    public void insert(Award award, String sealedToken) {
        insertOne(new Sealed(award, sealedToken));
    }

    private static void insertOne(Sealed sealed) {
        Award award = sealed.award();
        // per-event path: a unit of one inserts its award with the statements of insertAll's batch
        Sql.insert("award for completion " + award.completion() + " of moment " + award.momentId() + " by user "
                + award.userId(), INSERT, row(sealed));
        // per-event path: the award's first history entry, as insertAll's batch writes it
        Sql.update(HISTORY, award.id().value(), award.status().name(), award.updatedAt(), null);
    }

    @Override
    public void insertAll(List<Sealed> awards) {
        if (awards.size() == 1) {
            insertOne(awards.get(0));
            return;
        }
        // batch: the awards of a unit of work, one round trip
        Sql.insertAll("awards", INSERT, awards.stream().map(PostgresAwardRepository::row).toList());
        // batch: their first history entries
        Sql.batch(HISTORY, awards.stream().map(Sealed::award)
                .map(award -> new Object[] {award.id().value(), award.status().name(), award.updatedAt(), null})
                .toList());
    }

    private static Object[] row(Sealed sealed) {
        Award award = sealed.award();
        return new Object[] {award.id().value(), award.partnerId().value(), award.momentId().value(),
            award.userId(), award.deviceId(), award.completion(), award.status().name(),
            MoneyColumns.amount(award.reserved()), award.reserved().currency().getCurrencyCode(), award.test(),
            award.eventId(), award.tokenDigest(), sealed.sealedToken(), award.earnedAt(), award.redeemableAt(),
            award.expiresAt(), award.updatedAt(), award.referrer(), award.referee(), award.variant(), sealed.ipKey(),
            AwardMapper.riskJson(award.risk()), sealed.notifyByEmail()};
    }

    private static void appendHistory(AwardId id, AwardStatus status, Instant at, String reason) {
        // lock window: a claim, an expiry or a failed delivery appends it while the moment's budget row is locked
        Sql.update(HISTORY, id.value(), status.name(), at, reason);
    }

    @Override
    public List<AwardStatusChange> history(AwardId id) {
        return Store.detached(AwardHistoryEntity.<AwardHistoryEntity>list("awardId", Sort.by("seq"), id.value()))
                .stream().map(entry -> new AwardStatusChange(AwardStatus.valueOf(entry.status), entry.at,
                        entry.reason)).toList();
    }

    @Override
    public Optional<Award> findByTokenDigest(String tokenDigest) {
        return Store.detached(AwardEntity.<AwardEntity>list("tokenDigest = ?1", tokenDigest))
                .stream().findFirst().map(AwardMapper::toDomain);
    }

    @Override
    public Optional<Award> lockByTokenDigest(String tokenDigest) {
        // lock: the claim's first lock (docs/architecture.md, lock order)
        return Sql.first("select id from awards where token_digest = ? for update", row -> row.getString(1),
                tokenDigest).flatMap(PostgresAwardRepository::locked);
    }

    @Override
    public Optional<Award> lock(AwardId id) {
        // lock: a report's, a cancellation's or a retry's first lock
        return Sql.first("select id from awards where id = ? for update", row -> row.getString(1), id.value())
                .flatMap(PostgresAwardRepository::locked);
    }

    /** An award this transaction holds locked, read whole. */
    private static Optional<Award> locked(String id) {
        return Store.find(AwardEntity.class, id).map(AwardMapper::toDomain);
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
    public Page<Award> list(PartnerId partnerId, AwardFilter filter, PageRequest page) {
        StringBuilder jpql = new StringBuilder("from AwardEntity a where a.partnerId = :partnerId");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("partnerId", partnerId.value());
        if (filter.userId() != null) {
            jpql.append(" and a.userId = :userId");
            parameters.put("userId", filter.userId());
        }
        if (filter.momentId() != null) {
            jpql.append(" and a.momentId = :momentId");
            parameters.put("momentId", filter.momentId().value());
        }
        if (filter.status() != null) {
            jpql.append(" and a.status = :status");
            parameters.put("status", filter.status().name());
        }
        if (page.after() != null) {
            jpql.append(" and a.id > :after");
            parameters.put("after", page.after());
        }
        TypedQuery<AwardEntity> query = Store.em().createQuery(jpql.append(" order by a.id").toString(),
                AwardEntity.class).setMaxResults(page.limit() + 1);
        parameters.forEach(query::setParameter);
        return Store.page(Store.detached(query.getResultList()), page.limit(), row -> row.id, AwardMapper::toDomain);
    }

    @Override
    public int countForUser(MomentId momentId, String userId) {
        // per-event path: dry runs and direct awards count the user's awards on every completion
        return Sql.first("select count(*) from awards where moment_id = ? and user_id = ?", row -> row.getInt(1),
                momentId.value(), userId).orElse(0);
    }

    @Override
    public Map<String, Integer> countForUsers(MomentId momentId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        // bulk read: the unit's users at once (= any)
        Sql.list("select user_id, count(*) from awards where moment_id = ? and user_id = any(?) group by user_id",
                row -> counts.put(row.getString(1), row.getInt(2)), momentId.value(),
                userIds.stream().distinct().toArray(String[]::new));
        return counts;
    }

    @Override
    public Optional<Instant> lastEarnedAt(MomentId momentId, String userId) {
        // per-event path: every completion of a moment with a cooldown
        return Sql.first("select max(earned_at) as last from awards where moment_id = ? and user_id = ?",
                row -> Sql.instant(row, "last"), momentId.value(), userId);
    }

    /**
     * A transaction-scoped advisory lock on what {@code key} names (a device, a client address, a referrer of a
     * moment): a second transaction waits here until the first commits, and its count (a new statement under READ
     * COMMITTED) then sees the first one's award.
     */
    private static void lockUntilCommit(String key) {
        // lock: advisory, per (moment, device | client address | referrer)
        Sql.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", row -> null, key);
    }

    @Override
    public int lockAndCountForDevice(MomentId momentId, String deviceId) {
        lockUntilCommit("award-device:" + momentId.value() + ":" + deviceId);
        // per-event path: every completion of a moment with a per-device limit; a referral's two awards are one use
        return Sql.first("select count(distinct coalesce(referee, id)) from awards where moment_id = ?"
                        + " and device_id = ?", row -> row.getInt(1), momentId.value(), deviceId).orElse(0);
    }

    @Override
    public int lockAndCountForIp(MomentId momentId, String ipKey, Instant since) {
        lockUntilCommit("award-ip:" + momentId.value() + ":" + ipKey);
        // per-event path: every completion of a moment with a per-address limit; a referral's two awards are one
        return Sql.first("select count(distinct coalesce(referee, id)) from awards where moment_id = ?"
                        + " and ip_key = ? and earned_at > ?", row -> row.getInt(1), momentId.value(), ipKey, since)
                .orElse(0);
    }

    @Override
    public int lockAndCountReferralsPaid(MomentId momentId, String referrer) {
        lockUntilCommit("award-referrer:" + momentId.value() + ":" + referrer);
        return countReferralsPaid(momentId, referrer);
    }

    @Override
    public int countReferralsPaid(MomentId momentId, String referrer) {
        // per-event path: every completion of a referral moment by a referred user (and explain)
        return Sql.first("select count(*) from awards where moment_id = ? and user_id = ? and referrer = user_id",
                row -> row.getInt(1), momentId.value(), referrer).orElse(0);
    }

    @Override
    public boolean referralPaid(MomentId momentId, String referee, String payee) {
        // per-event path: every completion of a referral moment by a referred user (the unique index answers)
        return Sql.first("select 1 from awards where moment_id = ? and referee = ? and user_id = ?",
                row -> true, momentId.value(), referee, payee).isPresent();
    }

    @Override
    public boolean updateStatus(Award changed, AwardStatus expected, String reason) {
        // conditional update: compare-and-set on the status
        boolean updated = Sql.compareAndSetStatus("awards", changed.id().value(), changed.partnerId().value(),
                expected.name(), changed.status().name(), changed.updatedAt());
        if (updated) {
            appendHistory(changed.id(), changed.status(), changed.updatedAt(), reason);
        }
        return updated;
    }

    @Override
    public List<Award> lockExpired(Instant now, int limit) {
        // lock: SKIP LOCKED, so instances share the due awards
        List<String> locked = Sql.list("select id from awards where status in ('EARNED', 'PENDING_REVIEW')"
                        + " and expires_at <= ? order by moment_id, expires_at limit ? for update skip locked",
                row -> row.getString(1), now, limit);
        return readLocked(locked);
    }

    @Override
    public List<Award> lockUnclaimed(PartnerId partnerId, Block.Key key, int limit) {
        String column = switch (key.kind()) {
            case USER -> "user_id";
            case DEVICE -> "device_id";
            case IP -> "ip_key";
            case EMAIL -> throw new IllegalArgumentException("awards are not kept by e-mail address");
        };
        // lock: the blocked one's unclaimed awards, in id order; a claim in flight is waited for
        List<String> locked = Sql.list("select id from awards where partner_id = ? and " + column + " = ?"
                        + " and status in ('EARNED', 'PENDING_REVIEW') order by id limit ? for update",
                row -> row.getString(1), partnerId.value(), key.key(), limit);
        return readLocked(locked);
    }

    @Override
    public Page<Award> pendingReview(PartnerId partnerId, PageRequest page) {
        // oldest first: (earned_at, id) after the cursor's, on the partial index of awards waiting for review
        String after = page.after() == null ? "" : " and (earned_at, id) > (select c.earned_at, c.id from awards c"
                + " where c.id = ? and c.partner_id = ?)";
        List<Object> parameters = new ArrayList<>(List.of(partnerId.value()));
        if (page.after() != null) {
            parameters.add(page.after());
            parameters.add(partnerId.value());
        }
        parameters.add(page.limit() + 1);
        List<String> ids = Sql.list("select id from awards where partner_id = ? and status = 'PENDING_REVIEW'" + after
                + " order by earned_at, id limit ?", row -> row.getString(1), parameters.toArray());
        List<Award> found = readLocked(ids);
        return Store.page(found, page.limit(), award -> award.id().value(), award -> award);
    }

    @Override
    public boolean notifiesByEmail(AwardId id) {
        return Sql.first("select notify_email from awards where id = ?", row -> row.getBoolean(1), id.value())
                .orElse(true);
    }

    @Override
    public List<Award> lockReviewsDue(Instant now, int limit) {
        // lock: SKIP LOCKED, so instances share the due awards; the wait is the moment's as it stands (ISO-8601)
        List<String> locked = Sql.list("select a.id from awards a join moments m on m.id = a.moment_id"
                        + " where a.status = 'PENDING_REVIEW' and a.earned_at"
                        + " + cast(coalesce(m.review_auto_reject_after, 'P30D') as interval) <= ?"
                        + " order by a.moment_id, a.earned_at limit ? for update of a skip locked",
                row -> row.getString(1), now, limit);
        return readLocked(locked);
    }

    /** Awards this transaction has locked, read whole in the order they were locked. */
    private static List<Award> readLocked(List<String> locked) {
        if (locked.isEmpty()) {
            return List.of();
        }
        Map<String, AwardEntity> byId = Store.detached(AwardEntity.<AwardEntity>list("id in ?1", locked)).stream()
                .collect(Collectors.toMap(award -> award.id, Function.identity()));
        return locked.stream().map(byId::get).map(AwardMapper::toDomain).toList();
    }

    @Override
    public Map<AwardId, String> sealedTokens(Collection<AwardId> ids) {
        Map<AwardId, String> tokens = new HashMap<>();
        if (ids.isEmpty()) {
            return tokens;
        }
        // bulk read: = any(?), the links of a relayed batch of award events at once
        Sql.list("select id, token_sealed from awards where id = any(?) and token_sealed is not null", row -> {
            tokens.put(new AwardId(row.getString(1)), row.getString(2));
            return null;
        }, (Object) ids.stream().map(AwardId::value).distinct().toArray(String[]::new));
        return tokens;
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
