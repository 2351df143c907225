package dev.moments.adapter.persistence;

import dev.moments.application.port.out.CodePool;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps code pools in {@code reward_codes}. Assignment is one statement: the oldest free code of the reward, locked
 * {@code FOR UPDATE SKIP LOCKED} (a code another transaction is taking is skipped, never waited for), marked with the
 * award. Concurrent claims therefore never get one code twice, and a claim that finds no free code answers at once.
 */
@ApplicationScoped
@StoreOutages
public class PostgresCodePool implements CodePool {

    /** Whether a reward's pool is low, {@code CodeStock.isLow} in SQL: parameters reward, percent. */
    private static final String LOW = "(select count(*) > 0 and count(*) filter (where award_id is null) * 100"
            + " <= count(*) * ? from reward_codes where reward_id = ?)";

    /** Rows per insert statement when adding codes. */
    private static final int CHUNK = 1000;

    @Override
    public Added add(PartnerId partnerId, RewardId rewardId, List<String> codes, Instant at) {
        int added = 0;
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK));
            // the codes travel as one JSON array parameter; a code already in the pool is skipped by the unique key
            // upsert: bulk insert from one jsonb parameter, on conflict do nothing
            added += Sql.update("insert into reward_codes (reward_id, partner_id, code, added_at)"
                            + " select ?, ?, code, ? from jsonb_array_elements_text(cast(? as jsonb))"
                            + " with ordinality as t(code, n) order by n"
                            + " on conflict (reward_id, code) do nothing",
                    rewardId.value(), partnerId.value(), at, Json.write(Json.array(chunk)));
        }
        // conditional update: clears the codes.low mark once the pool is above it again
        Sql.update("update rewards set codes_low_alerted = false where id = ? and codes_low_alerted and not " + LOW,
                rewardId.value(), LOW_PERCENT_LEFT, rewardId.value());
        return new Added(added, codes.size() - added);
    }

    @Override
    public long available(RewardId rewardId) {
        return RewardCodeEntity.count("rewardId = ?1 and awardId is null", rewardId.value());
    }

    @Override
    public Map<RewardId, Long> available(Collection<RewardId> rewardIds) {
        if (rewardIds.isEmpty()) {
            return Map.of();
        }
        // a reward without a single code has no group, so no entry: it has no pool
        Map<RewardId, Long> counts = new HashMap<>();
        Store.em().createQuery("select c.rewardId, count(c) filter (where c.awardId is null) from RewardCodeEntity c"
                        + " where c.rewardId in :ids group by c.rewardId", Object[].class)
                .setParameter("ids", rewardIds.stream().map(RewardId::value).distinct().toList())
                .getResultList()
                .forEach(row -> counts.put(new RewardId((String) row[0]), (Long) row[1]));
        return counts;
    }

    @Override
    public Optional<String> assign(RewardId rewardId, AwardId awardId, Instant at) {
        // lock: SKIP LOCKED, so concurrent claims never wait for each other's code
        return Sql.first("update reward_codes set award_id = ?, assigned_at = ? where id = (select id from reward_codes"
                        + " where reward_id = ? and award_id is null order by id limit 1 for update skip locked)"
                        + " returning code",
                row -> row.getString(1), awardId.value(), at, rewardId.value());
    }

    @Override
    public boolean markLowOnce(RewardId rewardId) {
        // conditional update: the codes.low mark, set once per crossing
        return Sql.update("update rewards set codes_low_alerted = true where id = ? and not codes_low_alerted and "
                + LOW, rewardId.value(), LOW_PERCENT_LEFT, rewardId.value()) == 1;
    }
}
