package dev.moments.application.service;

import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.in.RedeemUseCase.Option;
import dev.moments.application.port.in.RedeemUseCase.Redemption;
import dev.moments.application.port.in.RedeemUseCase.State;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.ClaimRepository.ClaimRecord;
import dev.moments.application.port.out.FulfillmentGateway.Unavailable;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.reward.FulfillmentProvider;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.reward.RewardId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the user sees of an award on its redemption page: where it stands, what they may pick, how it is delivered, and
 * the partner's branding.
 */
public final class RedemptionViews {

    /** The award statuses of a claimed award. */
    static final Set<AwardStatus> CLAIMED_STATUSES = EnumSet.of(AwardStatus.CLAIMED, AwardStatus.FULFILLING,
            AwardStatus.FULFILLED, AwardStatus.FAILED);

    private final PartnerRepository partners;
    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final ClaimRepository claims;
    private final FulfillmentGateways gateways;

    public RedemptionViews(PartnerRepository partners, MomentRepository moments, RewardRepository rewards,
                           ClaimRepository claims, FulfillmentGateways gateways) {
        this.partners = partners;
        this.moments = moments;
        this.rewards = rewards;
        this.claims = claims;
        this.gateways = gateways;
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

    /** The award's page at {@code now}: its state, its options and, once claimed, its delivery. */
    Redemption of(Award award, Instant now) {
        Moment moment = moments.find(award.partnerId(), award.momentId()).orElseThrow();
        List<RewardId> offered = moment.rewardsOf(award.variant()); // a variant's own, else the moment's
        Map<RewardId, Reward> byId = rewards.findAll(award.partnerId(), offered).stream()
                .collect(Collectors.toMap(Reward::id, Function.identity()));
        Map<RewardId, Unavailable> unavailable = unavailable(award, byId.values());
        List<Option> options = offered.stream().map(byId::get).filter(Objects::nonNull)
                .map(reward -> {
                    Unavailable why = unavailable.get(reward.id());
                    return new Option(reward.id(), reward.name(), reward.kind(), reward.cost(), reward.description(),
                            reward.imageUrl(), why == null, why == null ? null : why.name());
                }).toList();
        Optional<ClaimRecord> claim = claims.find(award.id());
        Delivery delivery = claim.map(c -> Deliveries.view(c, byId.get(c.rewardId()) != null
                ? byId.get(c.rewardId()) : rewards.find(award.partnerId(), c.rewardId()).orElse(null)))
                .orElse(null);
        return new Redemption(award.id(), state(award, now), award.status(), award.redeemableAt(),
                award.expiresAt(), moment.messages().announcement(), moment.messages().confirmation(), options,
                delivery, partners.findBranding(award.partnerId()).orElse(null));
    }

    /** The rewards the award's providers cannot deliver now, each provider asked once for its rewards. */
    private Map<RewardId, Unavailable> unavailable(Award award, Collection<Reward> offered) {
        Map<FulfillmentProvider, List<RewardId>> byProvider = new EnumMap<>(FulfillmentProvider.class);
        for (Reward reward : offered) {
            byProvider.computeIfAbsent(Claiming.providerOf(award, reward), p -> new ArrayList<>()).add(reward.id());
        }
        Map<RewardId, Unavailable> unavailable = new HashMap<>();
        byProvider.forEach((provider, ids) -> unavailable.putAll(gateways.of(provider).unavailable(ids)));
        return unavailable;
    }
}
