package dev.moments.application.service;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.application.port.in.RedemptionRefusedException.Reason;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BackgroundTasks;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.ConcurrentWriteException;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.application.port.out.FulfillmentGateway.Acceptance;
import dev.moments.application.port.out.FulfillmentGateway.Decision;
import dev.moments.application.port.out.FulfillmentGateway.Unavailable;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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
 * the award and the reward, takes the partner's lock and the budget's, lets the reward's provider accept the order
 * ({@link FulfillmentGateway#accept}: a pooled code is taken there, so the lock order of docs/architecture.md — award
 * row, partner, budget, code rows, moment — holds), settles the reservation at the reward's cost, moves the award as
 * the provider's answer says and stores the claim with its delivery. Nothing here knows a provider: a delivery the
 * provider accepted as PENDING is submitted after the commit, in the background, so the user never waits for a
 * provider.
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
    private final DomainEventOutbox outbox;
    private final ClaimMoney money;
    private final FulfillmentService fulfillment;
    private final BackgroundTasks background;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public RedemptionService(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                             ClaimRepository claims, FulfillmentService fulfillment, BackgroundTasks background,
                             DomainEventOutbox outbox, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.awards = awards;
        this.moments = moments;
        this.rewards = rewards;
        this.claims = claims;
        this.fulfillment = fulfillment;
        this.background = background;
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
            // committed: the user has their answer, the provider gets the order on another thread
            background.execute("the submission of award " + claimed.awardId(),
                    () -> fulfillment.submitClaimed(claimed.awardId()));
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
        // in this transaction, after the budget row and before the moment row (the lock order), and before the claim
        // writes anything of its own: a refusal rolls back what the gateway took, and nothing else was changed
        Acceptance acceptance = fulfillment.gateway(provider).accept(FulfillmentService.order(award, reward,
                shipping, email, 1), now);
        if (acceptance.decision() == Decision.REFUSED) {
            throw refusal(reward, acceptance);
        }
        money.settle(award, moment, cost, now);

        Award claimedAward = move(award, AwardStatus.CLAIMED, now);
        FulfillmentStatus delivery = acceptance.delivery();
        Award after = switch (acceptance.decision()) {
            case FULFILLED -> move(claimedAward, AwardStatus.FULFILLED, now);
            case SUBMITTED -> move(claimedAward, AwardStatus.FULFILLING, now);
            case PENDING -> claimedAward;
            case REFUSED -> throw new IllegalStateException("a refusal was thrown above");
        };
        // a PENDING delivery is hidden from the retry job while the claim's own submission runs (see submitClaimed)
        ClaimRecord record = new ClaimRecord(award.id(), award.partnerId(), reward.id(), provider, shipping, email,
                now, delivery, acceptance.reference(), acceptance.code(), null, 0,
                delivery == FulfillmentStatus.PENDING ? now.plus(FulfillmentService.RETRY_LEASE) : null, now);
        claims.insert(record);
        outbox.append(claimedEvent(award, reward, record, acceptance, now));
        return new Claimed(award.id(), after.status(), FulfillmentService.delivery(record, reward));
    }

    private static RedemptionRefusedException refusal(Reward reward, Acceptance refused) {
        Reason reason = switch (refused.refusal()) {
            case OUT_OF_CODES -> Reason.OUT_OF_CODES;
        };
        return new RedemptionRefusedException(reason, refused.reason() != null ? refused.reason()
                : "reward " + reward.id() + " cannot be delivered now");
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
        Map<RewardId, Unavailable> unavailable = unavailable(award, byId.values());
        List<Option> options = moment.rewards().stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(reward -> {
                    Unavailable why = unavailable.get(reward.id());
                    return new Option(reward.id(), reward.name(), reward.kind(), reward.cost(), reward.description(),
                            reward.imageUrl(), why == null, why == null ? null : why.name());
                }).toList();
        Optional<ClaimRecord> claim = claims.find(award.id());
        Delivery delivery = claim.map(c -> FulfillmentService.delivery(c, byId.get(c.rewardId()) != null
                ? byId.get(c.rewardId()) : rewards.find(award.partnerId(), c.rewardId()).orElse(null)))
                .orElse(null);
        return new Redemption(award.id(), state(award, now), award.status(), award.redeemableAt(),
                award.expiresAt(), moment.messages().announcement(), moment.messages().confirmation(), options,
                delivery);
    }

    /** The rewards the award's providers cannot deliver now, each provider asked once for its rewards. */
    private Map<RewardId, Unavailable> unavailable(Award award, Collection<Reward> offered) {
        Map<FulfillmentProvider, List<RewardId>> byProvider = new EnumMap<>(FulfillmentProvider.class);
        for (Reward reward : offered) {
            byProvider.computeIfAbsent(providerOf(award, reward), p -> new ArrayList<>()).add(reward.id());
        }
        Map<RewardId, Unavailable> unavailable = new HashMap<>();
        byProvider.forEach((provider, ids) -> unavailable.putAll(fulfillment.gateway(provider).unavailable(ids)));
        return unavailable;
    }

    /** The same for every provider, plus what the provider adds (the address for a partner who ships it). */
    private OutboxEvent claimedEvent(Award award, Reward reward, ClaimRecord claim, Acceptance acceptance,
                                     Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("awardId", award.id().value());
        data.put("momentId", award.momentId().value());
        data.put("userId", award.userId());
        data.put("rewardId", reward.id().value());
        data.put("rewardName", reward.name());
        data.put("kind", reward.kind().name());
        data.put("provider", claim.provider().apiName());
        data.put("test", award.test());
        acceptance.claimedEventData().forEach(data::putIfAbsent);
        return new OutboxEvent(ids.next("whe_"), award.partnerId(), "award.claimed", data, now);
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
