package dev.moments.application.service;

import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase.Delivery;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.RedemptionToken;

/** Shows partners their awards. */
public final class GetAwardService implements GetAwardQuery {

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final TokenSealer sealer;
    private final ClaimRepository claims;
    private final RewardRepository rewards;

    public GetAwardService(AwardRepository awards, MomentRepository moments, TokenSealer sealer, ClaimRepository claims,
                        RewardRepository rewards) {
        this.awards = awards;
        this.moments = moments;
        this.sealer = sealer;
        this.claims = claims;
        this.rewards = rewards;
    }

    /** One award with its history and, once claimed, its delivery. */
    @Override
    public AwardView get(PartnerId partnerId, AwardId id) {
        AwardView view = view(awards.find(partnerId, id).orElseThrow(() -> new NotFoundException("award", id)));
        Delivery delivery = claims.find(id).map(claim -> Deliveries.view(claim,
                rewards.find(partnerId, claim.rewardId()).orElse(null))).orElse(null);
        return new AwardView(view.award(), view.token(), view.announcement(), awards.history(id), delivery);
    }

    @Override
    public Page<AwardView> list(PartnerId partnerId, AwardFilter filter, PageRequest page) {
        return awards.list(partnerId, filter, page).map(this::view);
    }

    private AwardView view(Award award) {
        String announcement = moments.find(award.partnerId(), award.momentId()).map(Moment::messages)
                .map(Messages::announcement).orElse(null);
        return new AwardView(award, awards.sealedToken(award.id()).flatMap(sealer::unseal).map(RedemptionToken::new),
                announcement);
    }
}
