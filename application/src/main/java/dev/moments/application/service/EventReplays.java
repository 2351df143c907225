package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.redemption.RedemptionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers an event sent again: the same body (by its fingerprint) gets the first result back, marked
 * {@code duplicate}, with its awards and their links as they were issued; another body under the same id is a
 * conflict.
 */
public final class EventReplays {

    private final MomentRepository moments;
    private final AwardRepository awards;
    private final TokenSealer sealer;

    public EventReplays(MomentRepository moments, AwardRepository awards, TokenSealer sealer) {
        this.moments = moments;
        this.awards = awards;
        this.sealer = sealer;
    }

    /**
     * The first result of a recorded event.
     *
     * @throws EventIdConflictException when the event sent again is not the one recorded under its id
     */
    EventResult replay(RecordedEvent recorded, String fingerprint) {
        if (!recorded.fingerprint().equals(fingerprint)) {
            throw new EventIdConflictException(recorded.eventId());
        }
        EventOutcome outcome = recorded.outcome();
        Map<AwardId, Award> byId = awards.findAll(recorded.partnerId(), outcome.awards()).stream()
                .collect(Collectors.toMap(Award::id, Function.identity()));
        List<AwardView> views = new ArrayList<>();
        for (AwardId id : outcome.awards()) {
            Award award = byId.get(id);
            Moment moment = moments.find(recorded.partnerId(), award.momentId()).orElseThrow();
            Optional<RedemptionToken> token = awards.sealedToken(id).flatMap(sealer::unseal).map(RedemptionToken::new);
            views.add(new AwardView(award, token, moment.messages().announcement()));
        }
        return new EventResult(recorded.eventId(), true, views, EventEvaluation.progressViews(outcome),
                outcome.holdout(), List.of(), outcome.points(), outcome.badges());
    }
}
