package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Awards a moment because the partner's own engine says so: the same audience, holdout, limit and budget rules as
 * for events, without a trigger to evaluate.
 */
public final class DirectAwardService implements DirectAwardUseCase {

    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final UserProfileRepository profiles;
    private final ListeningMoments listening;
    private final Awarding awarding;
    private final CompiledExpressions expressions;
    private final Clock clock;
    private final Transactions transactions;

    public DirectAwardService(MomentRepository moments, RewardRepository rewards, AwardRepository awards,
                              BudgetLedger ledger, PartnerSpending spending, UserProfileRepository profiles, ListeningMoments listening,
                              CompiledExpressions expressions, IdGenerator ids, SecretGenerator secrets,
                              TokenSealer sealer, DomainEventOutbox outbox, Clock clock, TransactionRunner transactions) {
        this.moments = moments;
        this.rewards = rewards;
        this.profiles = profiles;
        this.listening = listening;
        this.awarding = new Awarding(moments, awards, ledger, spending, ids, secrets, sealer, outbox, listening);
        this.expressions = expressions;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public AwardView award(DirectAwardCommand command) {
        return transactions.run(() -> {
            Instant now = clock.now();
            Moment moment = moment(command);
            refusal(moment, command, now).ifPresent(reason -> {
                throw new NotEligibleException(reason);
            });
            return awarding.award(moment, command.userId(), command.deviceId(), null, now);
        });
    }

    @Override
    public Preview preview(DirectAwardCommand command) {
        Instant now = clock.now();
        Moment moment = moment(command);
        Optional<String> refusal = refusal(moment, command, now).or(() -> awarding.check(moment, command.userId(),
                command.deviceId(), now));
        return new Preview(refusal.isEmpty(), refusal.orElse(null),
                rewards.findAll(moment.partnerId(), moment.rewards()), moment.messages().announcement());
    }

    private Moment moment(DirectAwardCommand command) {
        return moments.find(command.partnerId(), command.momentId())
                .orElseThrow(() -> new NotFoundException("moment", command.momentId()));
    }

    /** What the partner's decision cannot override: schedule, test mode, audience and holdout. */
    private Optional<String> refusal(Moment moment, DirectAwardCommand command, Instant now) {
        if (!moment.schedule().contains(now)) {
            return Optional.of("OUTSIDE_SCHEDULE");
        }
        if (moment.status() == MomentStatus.TEST && !command.context().testUser()) {
            return Optional.of("TEST_USERS_ONLY");
        }
        Map<String, Object> attributes = profiles.find(command.partnerId(), command.userId());
        UserEvent asEvent = new UserEvent(command.partnerId(), "direct", "direct", command.userId(),
                command.deviceId(), now, Map.of(), command.context(), attributes);
        if (!moment.audience().admitsContextOf(asEvent) || !expressions.predicate(moment.audience().where()).test(asEvent)) {
            return Optional.of(RecordEventService.NOT_IN_AUDIENCE);
        }
        if (moment.holdsOut(command.userId())) {
            return Optional.of(RecordEventService.HOLDOUT);
        }
        return Optional.empty();
    }
}
