package dev.moments.application.port.out;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.CodeStock;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codes of rewards delivered by the {@code codes} provider. A code is unique within its reward's pool and is
 * assigned to at most one award, ever: assignment takes a free code under a row lock that concurrent assigners skip
 * (never two awards for one code, never waiting on each other).
 */
public interface CodePool {

    /** The domain's rule ({@link CodeStock}): a pool is low when at most this share of its codes is still free. */
    int LOW_PERCENT_LEFT = CodeStock.LOW_PERCENT_LEFT;

    /**
     * Adds codes to a reward's pool; a code already in the pool (or twice in {@code codes}) is skipped.
     *
     * @return how many were added and how many skipped
     */
    Added add(PartnerId partnerId, RewardId rewardId, List<String> codes, Instant at);

    /** How many codes of the reward are free. */
    long available(RewardId rewardId);

    /** How many codes are free per reward; rewards without any code are left out. */
    Map<RewardId, Long> available(Collection<RewardId> rewardIds);

    /**
     * Assigns a free code of the reward to the award, in the caller's transaction (the code stays assigned only if
     * it commits), or answers empty when none is free to this transaction.
     */
    Optional<String> assign(RewardId rewardId, AwardId awardId, Instant at);

    /**
     * Marks the pool as low if at most {@link #LOW_PERCENT_LEFT} percent of its codes are free and it was not marked
     * yet: true exactly once per crossing, however many transactions ask at once. Adding codes that bring it back
     * above the threshold clears the mark.
     */
    boolean markLowOnce(RewardId rewardId);

    /** What an upload did. */
    record Added(int added, int skipped) {
    }
}
