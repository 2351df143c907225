package dev.moments.application.service;

import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Uploads and counts the code pools of {@code codes} rewards. Codes are never logged nor echoed. */
public final class ManageCodesService implements ManageCodesUseCase {

    private final RewardRepository rewards;
    private final CodePool codes;
    private final Clock clock;
    private final Transactions transactions;

    public ManageCodesService(RewardRepository rewards, CodePool codes, Clock clock, TransactionRunner transactions) {
        this.rewards = rewards;
        this.codes = codes;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public CodesAdded addCodes(PartnerId partnerId, RewardId rewardId, List<String> upload) {
        Reward reward = rewards.find(partnerId, rewardId).orElseThrow(() -> new NotFoundException("reward", rewardId));
        if (reward.provider() != FulfillmentProvider.CODES) {
            throw new InvalidValueException("codes", "reward " + rewardId + " is delivered by the "
                    + reward.provider().apiName() + " provider; only codes rewards have a pool");
        }
        if (upload == null || upload.isEmpty()) {
            throw new InvalidValueException("codes", "codes is required: a list of 1 to " + MAX_CODES_PER_CALL
                    + " codes");
        }
        if (upload.size() > MAX_CODES_PER_CALL) {
            throw new InvalidValueException("codes", "at most " + MAX_CODES_PER_CALL + " codes per call");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < upload.size(); i++) {
            String code = upload.get(i);
            if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
                throw new InvalidValueException("codes[" + i + "]", "a code has 1 to " + MAX_CODE_LENGTH
                        + " characters");
            }
            if (!printable(code)) {
                throw new InvalidValueException("codes[" + i + "]", "a code holds printable characters only, without"
                        + " leading or trailing spaces");
            }
            distinct.add(code);
        }
        int duplicatesInCall = upload.size() - distinct.size();
        CodePool.Added added = transactions.run(() -> codes.add(partnerId, rewardId, List.copyOf(distinct),
                clock.now()));
        long available = transactions.run(() -> codes.available(rewardId));
        return new CodesAdded(added.added(), added.skipped() + duplicatesInCall, available);
    }

    @Override
    public Map<RewardId, Long> codesAvailable(PartnerId partnerId, Collection<RewardId> rewardIds) {
        List<RewardId> pooled = rewards.findAll(partnerId, rewardIds).stream()
                .filter(reward -> reward.provider() == FulfillmentProvider.CODES).map(Reward::id).toList();
        if (pooled.isEmpty()) {
            return Map.of();
        }
        Map<RewardId, Long> counted = new java.util.HashMap<>(codes.available(pooled));
        pooled.forEach(id -> counted.putIfAbsent(id, 0L));
        return Map.copyOf(counted);
    }

    /** No control characters, not blank, no surrounding white space. */
    private static boolean printable(String code) {
        if (code.isBlank() || Character.isWhitespace(code.charAt(0))
                || Character.isWhitespace(code.charAt(code.length() - 1))) {
            return false;
        }
        return code.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.UNASSIGNED);
    }
}
