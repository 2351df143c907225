package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Moment;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Awards a moment because the partner's own engine says so ({@code POST /v1/moments/{id}/awards}), and previews
 * that award: the same award policies as for events — schedule, test mode, audience, holdout, limits, money —
 * without a trigger to evaluate.
 */
public final class DirectAwardService implements DirectAwardUseCase {

    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final UserProfileRepository profiles;
    private final CompiledExpressions expressions;
    private final Awarding awarding;
    private final Eligibility eligibility;
    private final Clock clock;
    private final Transactions transactions;

    public DirectAwardService(MomentRepository moments, RewardRepository rewards, UserProfileRepository profiles,
                              CompiledExpressions expressions, Awarding awarding, Eligibility eligibility,
                              Clock clock, TransactionRunner transactions) {
        this.moments = moments;
        this.rewards = rewards;
        this.profiles = profiles;
        this.expressions = expressions;
        this.awarding = awarding;
        this.eligibility = eligibility;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public AwardView award(DirectAwardCommand command) {
        return transactions.run(() -> {
            Instant now = clock.now();
            Moment moment = moment(command);
            return awarding.award(completion(moment, command, now), now);
        });
    }

    @Override
    public Preview preview(DirectAwardCommand command) {
        Instant now = clock.now();
        Moment moment = moment(command);
        Awarding.Completion completion = completion(moment, command, now);
        Optional<Refusal> refusal = eligibility.check(completion, now);
        return new Preview(refusal.isEmpty(), refusal.map(Refusal::name).orElse(null),
                rewards.findAll(moment.partnerId(), moment.rewardsOf(completion.variant())),
                moment.messages().announcement());
    }

    private Moment moment(DirectAwardCommand command) {
        return moments.find(command.partnerId(), command.momentId())
                .orElseThrow(() -> new NotFoundException("moment", command.momentId()));
    }

    /**
     * The direct award as a completion now: in the audience if the award's context and the user's stored attributes
     * pass it, from the context's client address, by the account the stored {@code createdAt} and {@code email} tell of.
     */
    private Awarding.Completion completion(Moment moment, DirectAwardCommand command, Instant now) {
        Map<String, Object> attributes = profiles.find(command.partnerId(), command.userId());
        return new Awarding.Completion(moment, command.userId(), command.deviceId(), null, now,
                command.context().testUser(), inAudience(moment, command, attributes, now),
                Awarding.Origin.of(command.context(), attributes));
    }

    /** The audience, judged on the award's context and the user's attributes. */
    private boolean inAudience(Moment moment, DirectAwardCommand command, Map<String, Object> attributes,
                               Instant now) {
        UserEvent asEvent = new UserEvent(command.partnerId(), "direct", "direct", command.userId(),
                command.deviceId(), now, Map.of(), command.context(), attributes);
        return moment.audience().admitsContextOf(asEvent) && expressions.predicate(moment.audience().where())
                .test(asEvent);
    }
}
