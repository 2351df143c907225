package dev.moments.adapter.fulfillment.codes;

import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.domain.events.CodesLow;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.RewardId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code codes} provider: hands out a code of the reward's pool (uploaded with {@code POST /v1/rewards/{id}/codes}).
 *
 * <p>The code is taken in the claim's transaction ({@link CodePool#assign}: a free code locked with SKIP LOCKED, so
 * concurrent claims never wait for each other nor get the same code), after the budget row and before the moment row
 * of the lock order. It stays assigned only if the claim commits; an empty pool refuses the claim before the claim wrote
 * anything. When the claim leaves at most {@link CodePool#LOW_PERCENT_LEFT}% of the pool free, a {@code codes.low}
 * event is written to the outbox in the same transaction, once per crossing. Codes are never logged.
 */
@ApplicationScoped
public class CodePoolProvider implements FulfillmentGateway {

    private final CodePool codes;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;

    @Inject
    public CodePoolProvider(CodePool codes, DomainEventOutbox outbox, IdGenerator ids) {
        this.codes = codes;
        this.outbox = outbox;
        this.ids = ids;
    }

    @Override
    public FulfillmentProvider provider() {
        return FulfillmentProvider.CODES;
    }

    @Override
    public Acceptance accept(Order order, Instant at) {
        Optional<String> code = codes.assign(order.rewardId(), order.awardId(), at);
        if (code.isEmpty()) {
            return Acceptance.refused(Unavailable.OUT_OF_CODES, "reward " + order.rewardId() + " has no code left");
        }
        if (codes.markLowOnce(order.rewardId())) {
            outbox.raise(new CodesLow(order.partnerId(), order.rewardId(), order.rewardName(),
                    codes.available(order.rewardId()), at), ids);
        }
        return Acceptance.fulfilled(code.get());
    }

    /** The rewards whose pool has no free code. */
    @Override
    public Map<RewardId, Unavailable> unavailable(Collection<RewardId> rewardIds) {
        if (rewardIds.isEmpty()) {
            return Map.of();
        }
        Map<RewardId, Long> available = codes.available(List.copyOf(rewardIds));
        Map<RewardId, Unavailable> empty = new HashMap<>();
        for (RewardId rewardId : rewardIds) {
            if (available.getOrDefault(rewardId, 0L) == 0L) {
                empty.put(rewardId, Unavailable.OUT_OF_CODES);
            }
        }
        return empty;
    }
}
