package dev.moments.application.service;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.redemption.ShippingAddress;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user's side of an award, by its redemption token: the preview and the claim.
 *
 * <p>A claim is one transaction: it locks the award's row ({@code select … for update} by the token's digest), checks
 * the award and the reward, takes the partner's lock and the budget's (the lock order of docs/architecture.md: award
 * row, partner, budget, code rows, moment), takes a pooled code if the reward has a pool, settles the reservation at
 * the reward's cost, moves the award and stores the claim with its delivery. A reward of the {@code http} provider is
 * submitted after that transaction committed, outside any transaction.
 */
public final class RedemptionService implements RedeemUseCase {

    /** The award statuses of a claimed award. */
    static final Set<AwardStatus> CLAIMED_STATUSES = EnumSet.of(AwardStatus.CLAIMED, AwardStatus.FULFILLING,
            AwardStatus.FULFILLED, AwardStatus.FAILED);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final ClaimRepository claims;
    private final CodePool codes;
    private final DomainEventOutbox outbox;
    private final ClaimMoney money;
    private final FulfillmentService fulfillment;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public RedemptionService(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                             ClaimRepository claims, CodePool codes, FulfillmentService fulfillment,
                             DomainEventOutbox outbox, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.awards = awards;
        this.moments = moments;
        this.rewards = rewards;
        this.claims = claims;
        this.codes = codes;
        this.fulfillment = fulfillment;
        this.outbox = outbox;
        this.money = fulfillment.money();
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Redemption preview(String token) {
        String digest = digest(token);
        return transactions.run(() -> {
            Award award = awards.findByTokenDigest(digest).orElseThrow(RedemptionService::unknown);
            return redemption(award, clock.now());
        });
    }

    @Override
    public Claimed claim(String token, Claim claim) {
        String digest = digest(token);
        if (claim == null || claim.rewardId() == null) {
            throw new InvalidValueException("rewardId", "rewardId is required");
        }
        String email = email(claim.email());
        Claimed claimed = transactions.run(() -> claimNow(digest, claim, email));
        if (claimed.delivery().status() == FulfillmentStatus.PENDING) {
            return fulfillment.submitAfterClaim(claimed.awardId());
        }
        return claimed;
    }

    private Claimed claimNow(String digest, Claim claim, String email) {
        Instant now = clock.now();
        Award award = awards.lockByTokenDigest(digest).orElseThrow(RedemptionService::unknown);
        refuseIfNotClaimable(award, now);
        Moment moment = moments.find(award.partnerId(), award.momentId()).orElseThrow();
        if (!moment.rewards().contains(claim.rewardId())) {
            throw new RedemptionRefusedException(Reason.NOT_AN_OPTION, "reward " + claim.rewardId()
                    + " is not offered by this award");
        }
        Reward reward = rewards.find(award.partnerId(), claim.rewardId()).orElseThrow(
                () -> new RedemptionRefusedException(Reason.NOT_AN_OPTION, "reward " + claim.rewardId()
                        + " is not offered by this award"));
        ShippingAddress shipping = claim.shipping();
        if (reward.kind().needsShipping() && shipping == null) {
            throw new InvalidValueException("shipping", "a physical reward needs a shipping address");
        }
        if (!reward.isAvailableIn(shipping == null ? null : shipping.country())) {
            throw new RedemptionRefusedException(Reason.NOT_IN_COUNTRY, "reward " + reward.id()
                    + " cannot be delivered to " + shipping.country());
        }
        FulfillmentProvider provider = providerOf(award, reward);
        Money cost = ClaimMoney.chargeOf(award, reward.cost());
        if (award.reserved().isPositive()) {
            money.lock(award);
        }
        String code = null;
        if (provider == FulfillmentProvider.CODES) {
            // before anything is written: no code left refuses the claim with nothing changed
            code = codes.assign(reward.id(), award.id(), now).orElseThrow(() -> new RedemptionRefusedException(
                    Reason.OUT_OF_CODES, "reward " + reward.id() + " has no code left"));
        }
        money.settle(award, moment, cost, now);

        Award claimedAward = move(award, AwardStatus.CLAIMED, now);
        FulfillmentStatus delivery = switch (provider) {
            case SANDBOX, CODES -> FulfillmentStatus.FULFILLED;
            case WEBHOOK -> FulfillmentStatus.SUBMITTED;
            case HTTP -> FulfillmentStatus.PENDING;
        };
        Award after = switch (provider) {
            case SANDBOX, CODES -> move(claimedAward, AwardStatus.FULFILLED, now);
            case WEBHOOK -> move(claimedAward, AwardStatus.FULFILLING, now);
            case HTTP -> claimedAward;
        };
        ClaimRecord record = new ClaimRecord(award.id(), award.partnerId(), reward.id(), provider, shipping, email,
                now, delivery, null, code, null, 0, provider == FulfillmentProvider.HTTP
                ? now.plus(FulfillmentService.RETRY_LEASE) : null, now); // submitted at once below; the job only if that never answers
        claims.insert(record);
        outbox.append(claimedEvent(award, reward, record, now));
        if (provider == FulfillmentProvider.CODES && codes.markLowOnce(reward.id())) {
            outbox.append(codesLowEvent(reward, now));
        }
        return new Claimed(award.id(), after.status(), FulfillmentService.delivery(record, reward));
    }

    /** TEST awards are fulfilled by the sandbox, whatever their reward's provider: nothing real is handed out. */
    static FulfillmentProvider providerOf(Award award, Reward reward) {
        return award.test() ? FulfillmentProvider.SANDBOX : reward.provider();
    }

    private Award move(Award award, AwardStatus target, Instant now) {
        Award moved = award.moveTo(target, now);
        if (!awards.updateStatus(moved, award.status(), null)) {
            throw new ConcurrentWriteException("award " + award.id() + " changed meanwhile", null);
        }
        return moved;
    }

    /** Refuses a claim of an award that is claimed, cancelled, expired or not redeemable yet. */
    private static void refuseIfNotClaimable(Award award, Instant now) {
        State state = state(award, now);
        switch (state) {
            case CLAIMED -> throw new RedemptionRefusedException(Reason.ALREADY_CLAIMED, "this award was claimed");
            case CANCELLED -> throw new RedemptionRefusedException(Reason.CANCELLED, "this award was cancelled");
            case EXPIRED -> throw new RedemptionRefusedException(Reason.EXPIRED, "this award has expired");
            case NOT_YET_REDEEMABLE -> throw new RedemptionRefusedException(Reason.NOT_YET_REDEEMABLE,
                    "this award can be claimed from " + award.redeemableAt());
            case OPEN -> {
            }
        }
    }

    /** Where a link stands at {@code now}. */
    static State state(Award award, Instant now) {
        if (CLAIMED_STATUSES.contains(award.status())) {
            return State.CLAIMED;
        }
        if (award.status() == AwardStatus.CANCELLED) {
            return State.CANCELLED;
        }
        if (award.status() == AwardStatus.EXPIRED || award.isExpiredAt(now)) {
            return State.EXPIRED;
        }
        if (award.status() == AwardStatus.PENDING_REVIEW || now.isBefore(award.redeemableAt())) {
            return State.NOT_YET_REDEEMABLE;
        }
        return State.OPEN;
    }

    private Redemption redemption(Award award, Instant now) {
        Moment moment = moments.find(award.partnerId(), award.momentId()).orElseThrow();
        Map<RewardId, Reward> byId = rewards.findAll(award.partnerId(), moment.rewards()).stream()
                .collect(Collectors.toMap(Reward::id, Function.identity()));
        List<RewardId> pooled = byId.values().stream()
                .filter(reward -> providerOf(award, reward) == FulfillmentProvider.CODES).map(Reward::id).toList();
        Map<RewardId, Long> available = pooled.isEmpty() ? Map.of() : codes.available(pooled);
        List<Option> options = moment.rewards().stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(reward -> {
                    boolean empty = pooled.contains(reward.id()) && available.getOrDefault(reward.id(), 0L) == 0L;
                    return new Option(reward.id(), reward.name(), reward.kind(), reward.cost(), reward.description(),
                            reward.imageUrl(), !empty, empty ? Reason.OUT_OF_CODES.name() : null);
                }).toList();
        Optional<ClaimRecord> claim = claims.find(award.id());
        Delivery delivery = claim.map(c -> FulfillmentService.delivery(c, byId.get(c.rewardId()) != null
                ? byId.get(c.rewardId()) : rewards.find(award.partnerId(), c.rewardId()).orElse(null)))
                .orElse(null);
        return new Redemption(award.id(), state(award, now), award.status(), award.redeemableAt(),
                award.expiresAt(), moment.messages().announcement(), moment.messages().confirmation(), options,
                delivery);
    }

    private OutboxEvent claimedEvent(Award award, Reward reward, ClaimRecord claim, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("awardId", award.id().value());
        data.put("momentId", award.momentId().value());
        data.put("userId", award.userId());
        data.put("rewardId", reward.id().value());
        data.put("rewardName", reward.name());
        data.put("kind", reward.kind().name());
        data.put("provider", claim.provider().apiName());
        data.put("test", award.test());
        if (claim.provider() == FulfillmentProvider.WEBHOOK) {
            // the partner delivers it: it needs where to
            if (claim.shipping() != null) {
                ShippingAddress s = claim.shipping();
                Map<String, Object> shipping = new LinkedHashMap<>();
                shipping.put("name", s.name());
                shipping.put("line1", s.line1());
                if (s.line2() != null) {
                    shipping.put("line2", s.line2());
                }
                shipping.put("city", s.city());
                if (s.region() != null) {
                    shipping.put("region", s.region());
                }
                shipping.put("postalCode", s.postalCode());
                shipping.put("country", s.country());
                data.put("shipping", shipping);
            }
            if (claim.email() != null) {
                data.put("email", claim.email());
            }
        }
        return new OutboxEvent(ids.next("whe_"), award.partnerId(), "award.claimed", data, now);
    }

    private OutboxEvent codesLowEvent(Reward reward, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rewardId", reward.id().value());
        data.put("name", reward.name());
        data.put("codesAvailable", codes.available(reward.id()));
        return new OutboxEvent(ids.next("whe_"), reward.partnerId(), "codes.low", data, now);
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String kept = email.strip();
        if (kept.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(kept).matches()) {
            throw new InvalidValueException("email", "not a valid e-mail address");
        }
        return kept;
    }

    /** The digest a token is stored under; a string that cannot be a token is unknown at once. */
    private static String digest(String token) {
        if (!RedemptionToken.looksLikeOne(token)) {
            throw unknown();
        }
        return new RedemptionToken(token).digest();
    }

    /** Says nothing about the token: it is a secret. */
    private static NotFoundException unknown() {
        return new NotFoundException("redemption link", "(this one)");
    }
}
