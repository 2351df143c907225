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

    /** Whether a reward's pool is low: parameters reward, percent. */
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
            added += Sql.update("insert into reward_codes (reward_id, partner_id, code, added_at)"
                            + " select ?, ?, code, ? from jsonb_array_elements_text(cast(? as jsonb))"
                            + " with ordinality as t(code, n) order by n"
                            + " on conflict (reward_id, code) do nothing",
                    rewardId.value(), partnerId.value(), at, Json.write(Json.array(chunk)));
        }
        Sql.update("update rewards set codes_low_alerted = false where id = ? and codes_low_alerted and not " + LOW,
                rewardId.value(), LOW_PERCENT_LEFT, rewardId.value());
        return new Added(added, codes.size() - added);
    }

    @Override
    public long available(RewardId rewardId) {
        return Sql.first("select count(*) from reward_codes where reward_id = ? and award_id is null",
                row -> row.getLong(1), rewardId.value()).orElse(0L);
    }

    @Override
    public Map<RewardId, Long> available(Collection<RewardId> rewardIds) {
        Map<RewardId, Long> counts = new HashMap<>();
        for (RewardId id : rewardIds.stream().distinct().toList()) {
            Sql.first("select count(*) filter (where award_id is null), count(*) from reward_codes"
                            + " where reward_id = ?", row -> row.getLong(2) == 0 ? null : row.getLong(1), id.value())
                    .ifPresent(count -> counts.put(id, count));
        }
        return counts;
    }

    @Override
    public Optional<String> assign(RewardId rewardId, AwardId awardId, Instant at) {
        return Sql.first("update reward_codes set award_id = ?, assigned_at = ? where id = (select id from reward_codes"
                        + " where reward_id = ? and award_id is null order by id limit 1 for update skip locked)"
                        + " returning code",
                row -> row.getString(1), awardId.value(), at, rewardId.value());
    }

    @Override
    public boolean markLowOnce(RewardId rewardId) {
        return Sql.update("update rewards set codes_low_alerted = true where id = ? and not codes_low_alerted and "
                + LOW, rewardId.value(), LOW_PERCENT_LEFT, rewardId.value()) == 1;
    }
}
