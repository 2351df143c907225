package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.RedemptionToken;

/** Shows partners their awards. */
public final class AwardService implements GetAwardQuery {

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final TokenSealer sealer;

    public AwardService(AwardRepository awards, MomentRepository moments, TokenSealer sealer) {
        this.awards = awards;
        this.moments = moments;
        this.sealer = sealer;
    }

    @Override
    public AwardView get(PartnerId partnerId, AwardId id) {
        Award award = awards.find(partnerId, id).orElseThrow(() -> new NotFoundException("award", id));
        String announcement = moments.find(partnerId, award.momentId()).map(Moment::messages)
                .map(m -> m.announcement()).orElse(null);
        return new AwardView(award, awards.sealedToken(id).flatMap(sealer::unseal).map(RedemptionToken::new),
                announcement);
    }
}
