package dev.moments.application.service;

import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Blocklist;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.award.AwardPolicy;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.award.RiskSignal;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.referral.Referral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the award policies would answer for a completion now, asked outside the locks a payment takes: for previews,
 * dry runs and explanations. It changes nothing, and a concurrent payment may overtake its answer.
 */
public final class Eligibility {

    private final MomentRepository moments;
    private final StoredCandidate.Stores stores;
    private final Blocking blocking;

    public Eligibility(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
                       Blocklist blocklist) {
        this.moments = moments;
        this.stores = new StoredCandidate.Stores(awards, ledger, spending);
        this.blocking = new Blocking(blocklist);
    }

    /** The first refusal a completion as {@link Awarding} would decide it would meet, the moment as it stands now. */
    Optional<Refusal> check(Awarding.Completion completion, Instant now) {
        return AwardPolicy.firstRefusal(candidate(completion.moment(), completion.userId(), completion.deviceId(),
                completion.testUser(), completion.inAudience(), completion.completedAt(), now)
                .referring(completion.referral(), completion.toReferee(), completion.referrerSharesDevice())
                .inVariant(completion.variant()).from(completion.ipKey(), completion.accountCreatedAt())
                .blocked(blocking.of(List.of(completion)).test(completion)));
    }

    /**
     * Every refusal a user of unknown device, audience and test flag would meet now: what an explanation lists (the
     * audience is told by the stored progress instead). On a referral moment the user is its referee, referred by
     * {@code referral} (or by nobody), and the award asked about is the referrer's; on a moment with variants, the
     * user's {@code variant} sets the price; the account's age and the user's e-mail address (for the blocklist) are
     * told by {@code origin}. When nothing stands in the way, also what a completion now would record (the user's
     * limit when near, the review rule when its price is above it; device and client address are unknown here),
     * asked of the same candidate, so what it read is read once.
     */
    Standing all(Moment moment, String userId, Referral referral, boolean referrerSharesDevice, String variant,
                 Awarding.Origin origin, Instant now) {
        List<Block.Key> keys = new ArrayList<>(List.of(new Block.Key(Block.Kind.USER, userId)));
        if (referral != null) {
            keys.add(new Block.Key(Block.Kind.USER, referral.payee(false)));
        }
        if (origin.emailKey() != null) {
            keys.add(new Block.Key(Block.Kind.EMAIL, origin.emailKey()));
        }
        StoredCandidate candidate = candidate(moment, userId, null, false, true, now, now)
                .referring(referral, false, referrerSharesDevice).inVariant(variant)
                .from(null, origin.accountCreatedAt()).blocked(blocking.any(moment.partnerId(), keys));
        List<Refusal> refusals = AwardPolicy.allRefusals(candidate);
        return new Standing(refusals, refusals.isEmpty() ? RiskSignal.assess(candidate) : List.of());
    }

    /** Every refusal a completion now would meet, in order, and what it would record when there is none. */
    record Standing(List<Refusal> refusals, List<RiskSignal> risk) {
    }

    private StoredCandidate candidate(Moment moment, String userId, String deviceId, boolean testUser,
                                      boolean inAudience, Instant completedAt, Instant now) {
        Moment current = moments.find(moment.partnerId(), moment.id()).orElse(moment);
        return new StoredCandidate(current, userId, deviceId, testUser, inAudience, completedAt, now, stores);
    }
}
