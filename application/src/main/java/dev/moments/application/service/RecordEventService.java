package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.ProgressState;
import dev.moments.domain.trigger.TriggerEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records an event and pays for what it completes, in one transaction: dedupe by (partner, event id), merge the
 * user's attributes, find the moments listening to its type (an in-memory index), and per moment check test mode and
 * audience, apply the event to the user's stored progress, and on completion hold the user out or award and reserve
 * the price. A dry run answers the same questions and writes nothing.
 */
public final class RecordEventService implements RecordEventUseCase {

    /** How far in the future an event's {@code occurredAt} may lie, for clock skew between systems. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    static final String NOT_IN_AUDIENCE = "NOT_IN_AUDIENCE";
    static final String HOLDOUT = "HOLDOUT";

    private final EventLog events;
    private final MomentRepository moments;
    private final AwardRepository awards;
    private final ProgressRepository progress;
    private final UserProfileRepository profiles;
    private final ListeningMoments listening;
    private final Awarding awarding;
    private final CompiledExpressions expressions;
    private final TokenSealer sealer;
    private final Clock clock;
    private final Duration lateness;
    private final Transactions transactions;

    /**
     * @param lateness how much older than the newest event of a (moment, user) an event may be and still count
     */
    public RecordEventService(EventLog events, MomentRepository moments, AwardRepository awards, BudgetLedger ledger,
                              PartnerSpending spending, ProgressRepository progress, UserProfileRepository profiles, ListeningMoments listening,
                              CompiledExpressions expressions, IdGenerator ids, SecretGenerator secrets,
                              TokenSealer sealer, DomainEventOutbox outbox, Clock clock, Duration lateness, TransactionRunner transactions) {
        this.events = events;
        this.moments = moments;
        this.awards = awards;
        this.progress = progress;
        this.profiles = profiles;
        this.listening = listening;
        this.awarding = new Awarding(moments, awards, ledger, spending, ids, secrets, sealer, outbox, listening);
        this.expressions = expressions;
        this.sealer = sealer;
        this.clock = clock;
        this.lateness = lateness;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public EventResult record(RecordEventCommand command) {
        return handle(command, false);
    }

    @Override
    public EventResult dryRun(RecordEventCommand command) {
        return handle(command, true);
    }

    private EventResult handle(RecordEventCommand command, boolean dryRun) {
        Instant now = clock.now();
        Instant occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", "occurredAt lies more than "
                    + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        String fingerprint = command.fingerprint();
        return transactions.run(() -> events.find(command.partnerId(), command.id())
                .map(recorded -> replay(recorded, fingerprint))
                .orElseGet(() -> evaluate(command, occurredAt, fingerprint, clock.now(), dryRun)));
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

    private EventResult evaluate(RecordEventCommand command, Instant occurredAt, String fingerprint, Instant now,
                                 boolean dryRun) {
        PartnerId partner = command.partnerId();
        if (!dryRun) {
            events.insert(new RecordedEvent(partner, command.id(), fingerprint, command.type(), command.userId(),
                    occurredAt, now, null));
        }
        UserEvent event = new UserEvent(partner, command.id(), command.type(), command.userId(), command.deviceId(),
                occurredAt, command.properties(), command.context(), attributes(command, now, dryRun));
        List<AwardView> earned = new ArrayList<>();
        List<EventOutcome.Progress> progressed = new ArrayList<>();
        List<MomentId> heldOut = new ArrayList<>();
        for (Moment moment : listening.listening(partner, event.type())) {
            if (moment.status() == MomentStatus.TEST && !event.context().testUser()) {
                continue;
            }
            Optional<UserProgress> stored = dryRun ? progress.find(partner, moment.id(), event.userId())
                    : progress.lock(moment.id(), event.userId());
            boolean holdout = moment.holdsOut(event.userId());
            ProgressState before = stored.map(UserProgress::state).orElseGet(() -> ProgressState.start(moment.trigger()));
            if (!admits(moment, event)) {
                save(stored, new UserProgress(partner, moment.id(), event.userId(), before, holdout, NOT_IN_AUDIENCE,
                        now), dryRun);
                continue;
            }
            TriggerEvaluator evaluator = new TriggerEvaluator(moment.trigger(), moment.schedule(), lateness);
            TriggerEvaluator.Outcome outcome = evaluator.apply(before, event, expressions::predicate);
            String refusal = null;
            if (outcome.completed()) {
                if (holdout) {
                    heldOut.add(moment.id());
                    refusal = HOLDOUT;
                } else {
                    try {
                        earned.add(dryRun ? dryRunAward(moment, event, now)
                                : awarding.award(moment, event.userId(), event.deviceId(), event.id(), now));
                    } catch (NotEligibleException e) {
                        refusal = e.reason();
                    }
                }
            }
            TriggerEvaluator.Progress shown = evaluator.progress(outcome.state());
            progressed.add(outcome.completed()
                    ? new EventOutcome.Progress(moment.id(), true, shown.target(), shown.target())
                    : new EventOutcome.Progress(moment.id(), false, shown.current(), shown.target()));
            save(stored, new UserProgress(partner, moment.id(), event.userId(), outcome.state(), holdout, refusal, now),
                    dryRun);
        }
        EventOutcome outcome = new EventOutcome(earned.stream().map(view -> view.award().id()).toList(), progressed,
                heldOut);
        if (!dryRun) {
            events.saveOutcome(partner, command.id(), outcome);
        }
        return new EventResult(command.id(), false, earned, progressViews(outcome), heldOut);
    }

    private AwardView dryRunAward(Moment moment, UserEvent event, Instant now) {
        Optional<String> refusal = awarding.check(moment, event.userId(), event.deviceId(), now);
        if (refusal.isPresent()) {
            throw new NotEligibleException(refusal.get());
        }
        return awarding.hypothetical(moment, event.userId(), event.deviceId(), event.id(), now);
    }

    /** The user's attributes: those stored, overridden by those the event brings (which are then stored). */
    private Map<String, Object> attributes(RecordEventCommand command, Instant now, boolean dryRun) {
        Map<String, Object> known = profiles.find(command.partnerId(), command.userId());
        if (command.user().isEmpty()) {
            return known;
        }
        Map<String, Object> merged = new LinkedHashMap<>(known);
        merged.putAll(command.user());
        if (!dryRun && !merged.equals(known)) {
            profiles.save(command.partnerId(), command.userId(), merged, now);
        }
        return merged;
    }

    /** Audience: country, platform and segments from the event, and the condition over the user's attributes. */
    private boolean admits(Moment moment, UserEvent event) {
        return moment.audience().admitsContextOf(event)
                && expressions.predicate(moment.audience().where()).test(event);
    }

    private void save(Optional<UserProgress> stored, UserProgress next, boolean dryRun) {
        if (dryRun) {
            return;
        }
        if (stored.isPresent()) {
            progress.update(next);
        } else {
            progress.insert(next);
        }
    }

    private static List<ProgressView> progressViews(EventOutcome outcome) {
        return outcome.progress().stream()
                .map(p -> new ProgressView(p.momentId(), p.complete(), p.current(), p.target()))
                .toList();
    }
}
