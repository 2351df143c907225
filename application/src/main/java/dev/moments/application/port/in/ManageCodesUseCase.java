package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The code pools of a partner's {@code codes} rewards. */
public interface ManageCodesUseCase {

    /** The most codes one upload may carry. */
    int MAX_CODES_PER_CALL = 10_000;
    /** The longest code accepted. */
    int MAX_CODE_LENGTH = 200;

    /**
     * Adds codes to the pool of a reward delivered by {@code codes}. Codes twice in the upload or already in the pool
     * are skipped and counted.
     *
     * @throws NotFoundException when the partner has no such reward
     * @throws dev.moments.domain.shared.InvalidValueException when the reward is not delivered from a pool, or a code
     *                                                         is empty, too long or not printable, or there are too
     *                                                         many
     */
    CodesAdded addCodes(PartnerId partnerId, RewardId rewardId, List<String> codes);

    /** How many codes are free per reward, for the partner's {@code codes} rewards among {@code rewardIds}. */
    Map<RewardId, Long> codesAvailable(PartnerId partnerId, Collection<RewardId> rewardIds);

    /** What an upload did, and how many codes are free after it. */
    record CodesAdded(int added, int skipped, long codesAvailable) {
    }
}
