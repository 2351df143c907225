package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records an event and pays for what it completes: dedupe by (partner, event id), find the moments listening to its
 * type, check schedule, audience, holdout and limits, evaluate the trigger, and for each completion reserve the price
 * and create the award with its redemption token. All of it is one transaction.
 */
public final class RecordEventService implements RecordEventUseCase {

    /** How far in the future an event's {@code occurredAt} may lie, for clock skew between systems. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final List<MomentStatus> EVALUATED = List.of(MomentStatus.LIVE, MomentStatus.TEST);

    private final EventLog events;
    private final MomentRepository moments;
    private final AwardRepository awards;
    private final BudgetLedger ledger;
    private final CompiledExpressions expressions;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final TokenSealer sealer;
    private final Clock clock;
    private final Transactions transactions;

    public RecordEventService(EventLog events, MomentRepository moments, AwardRepository awards, BudgetLedger ledger,
                              CompiledExpressions expressions, IdGenerator ids, SecretGenerator secrets,
                              TokenSealer sealer, Clock clock, TransactionRunner transactions) {
        this.events = events;
        this.moments = moments;
        this.awards = awards;
        this.ledger = ledger;
        this.expressions = expressions;
        this.ids = ids;
        this.secrets = secrets;
        this.sealer = sealer;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public EventResult record(RecordEventCommand command) {
        Instant now = clock.now();
        Instant occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", "occurredAt lies more than "
                    + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        String fingerprint = command.fingerprint();
        UserEvent event = new UserEvent(command.partnerId(), command.id(), command.type(), command.userId(),
                command.deviceId(), occurredAt, command.properties(), command.context(), command.user());
        return transactions.run(() -> events.find(command.partnerId(), command.id())
                .map(recorded -> replay(recorded, fingerprint))
                .orElseGet(() -> evaluate(event, fingerprint, clock.now())));
    }

    private EventResult replay(RecordedEvent recorded, String fingerprint) {
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
        return new EventResult(recorded.eventId(), true, views, progressViews(outcome), outcome.holdout());
    }

    private EventResult evaluate(UserEvent event, String fingerprint, Instant now) {
        events.insert(new RecordedEvent(event.partnerId(), event.id(), fingerprint, event.type(), event.userId(),
                event.occurredAt(), now, null));
        List<AwardView> earned = new ArrayList<>();
        List<EventOutcome.Progress> progress = new ArrayList<>();
        List<MomentId> holdout = new ArrayList<>();
        for (Moment moment : moments.findListening(event.partnerId(), event.type(), EVALUATED)) {
            if (!admits(moment, event)) {
                continue;
            }
            EventTrigger trigger = (EventTrigger) moment.trigger();
            boolean complete = trigger.isCompletedBy(event, expressions.predicate(trigger.where()));
            progress.add(new EventOutcome.Progress(moment.id(), complete, complete ? 1 : 0, 1));
            if (!complete) {
                continue;
            }
            if (moment.holdsOut(event.userId())) {
                holdout.add(moment.id());
                continue;
            }
            award(moment, event, now).ifPresent(earned::add);
        }
        EventOutcome outcome = new EventOutcome(earned.stream().map(view -> view.award().id()).toList(), progress,
                holdout);
        events.saveOutcome(event.partnerId(), event.id(), outcome);
        return new EventResult(event.id(), false, earned, progressViews(outcome), holdout);
    }

    /** Schedule, test mode and audience: whether this event may count for this moment at all. */
    private boolean admits(Moment moment, UserEvent event) {
        if (!moment.schedule().contains(event.occurredAt())) {
            return false;
        }
        if (moment.status() == MomentStatus.TEST && !event.context().testUser()) {
            return false;
        }
        return moment.audience().admitsContextOf(event)
                && expressions.predicate(moment.audience().where()).test(event);
    }

    private Optional<AwardView> award(Moment moment, UserEvent event, Instant now) {
        int earnedBefore = awards.countForUser(moment.id(), event.userId());
        if (earnedBefore >= moment.limits().perUser()) {
            return Optional.empty();
        }
        boolean test = moment.status() == MomentStatus.TEST;
        Budget budget = ledger.find(moment.id()).orElseThrow();
        AwardId awardId = new AwardId(ids.next(AwardId.PREFIX));
        Money reserved = test ? Money.zero(budget.total().currency()) : budget.costPerAction();
        if (!test && !ledger.reserve(moment.id(), reserved, awardId, now)) {
            followBudget(moment, now);
            return Optional.empty();
        }
        RedemptionToken token = secrets.newRedemptionToken();
        Duration claimWithin = moment.limits().claimWithin();
        Award award = new Award(awardId, moment.partnerId(), moment.id(), event.userId(), event.deviceId(),
                earnedBefore + 1, AwardStatus.EARNED, reserved, test, event.id(), token.digest(), now,
                now.plus(moment.limits().redeemAfter()), claimWithin == null ? null : now.plus(claimWithin), now);
        awards.insert(award, sealer.seal(token.value()));
        if (!test) {
            followBudget(moment, now);
        }
        return Optional.of(new AwardView(award, Optional.of(token), moment.messages().announcement()));
    }

    /** A live moment whose budget cannot pay one more action becomes EXHAUSTED. */
    private void followBudget(Moment moment, Instant now) {
        Moment followed = moment.followBudget(ledger.find(moment.id()).orElseThrow().canPayOneAction(), now);
        if (followed != moment) {
            moments.updateStatus(followed, moment.status());
        }
    }

    private static List<ProgressView> progressViews(EventOutcome outcome) {
        return outcome.progress().stream()
                .map(p -> new ProgressView(p.momentId(), p.complete(), p.current(), p.target()))
                .toList();
    }
}
