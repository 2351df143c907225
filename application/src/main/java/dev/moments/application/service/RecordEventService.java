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
import dev.moments.application.port.out.StoreUnavailableException;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
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

    /** The most events of a batch recorded in one transaction. */
    static final int UNIT_OF_WORK = 100;

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
                              PartnerSpending spending, ProgressRepository progress, UserProfileRepository profiles,
                              ListeningMoments listening, CompiledExpressions expressions, IdGenerator ids,
                              SecretGenerator secrets, TokenSealer sealer, DomainEventOutbox outbox, Clock clock,
                              Duration lateness, TransactionRunner transactions) {
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
        Instant occurredAt = occurredAt(command, clock.now());
        String fingerprint = command.fingerprint();
        return transactions.run(() -> events.find(command.partnerId(), command.id())
                .map(recorded -> replay(recorded, fingerprint))
                .orElseGet(() -> {
                    Evaluation evaluation = new Evaluation(clock.now(), dryRun);
                    evaluation.prepare(List.of(command));
                    EventWork work = evaluation.add(command, occurredAt, fingerprint);
                    evaluation.payAndSave();
                    return work.result;
                }));
    }

    @Override
    public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
        BatchItem[] items = new BatchItem[commands.size()];
        for (int from = 0; from < commands.size(); from += UNIT_OF_WORK) {
            int to = Math.min(commands.size(), from + UNIT_OF_WORK);
            StoreUnavailableException outage = recordTogether(commands, from, to, items);
            if (outage != null) {
                // the store is down or has no connection to give: every event left would wait as long to fail
                for (int i = to; i < commands.size(); i++) {
                    items[i] = BatchItem.failed(outage);
                }
                break;
            }
        }
        return Arrays.asList(items);
    }

    /**
     * Records {@code commands[from, to)} in one unit of work. When that unit fails as a whole (it lost too many races,
     * or one event broke it half-way), each of its events is recorded on its own instead, so a failure stays with
     * the event that caused it; unless the store is unavailable, which fails them all at once.
     *
     * @return the outage that failed the unit, or {@code null}
     */
    private StoreUnavailableException recordTogether(List<RecordEventCommand> commands, int from, int to, BatchItem[] items) {
        Instant now = clock.now();
        List<Integer> admitted = new ArrayList<>();
        List<Instant> occurredAt = new ArrayList<>();
        for (int i = from; i < to; i++) {
            try {
                occurredAt.add(occurredAt(commands.get(i), now));
                admitted.add(i);
            } catch (RuntimeException e) {
                items[i] = BatchItem.failed(e);
            }
        }
        try {
            List<BatchItem> together = transactions.run(() -> {
                Evaluation evaluation = new Evaluation(clock.now(), false);
                Map<List<String>, Integer> firstById = new HashMap<>(); // by (partner, event id)
                BatchItem[] unit = new BatchItem[admitted.size()];
                EventWork[] works = new EventWork[admitted.size()];
                List<RecordEventCommand> unitCommands = admitted.stream().map(commands::get).toList();
                Map<PartnerId, Map<String, RecordedEvent>> recordedBefore = unitCommands.stream()
                        .collect(Collectors.groupingBy(RecordEventCommand::partnerId,
                                Collectors.mapping(RecordEventCommand::id, Collectors.toSet())))
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                entry -> events.findAll(entry.getKey(), entry.getValue())));
                evaluation.prepare(unitCommands.stream()
                        .filter(command -> !recordedBefore.get(command.partnerId()).containsKey(command.id()))
                        .toList());
                for (int k = 0; k < admitted.size(); k++) {
                    RecordEventCommand command = unitCommands.get(k);
                    Integer first = firstById.putIfAbsent(List.of(command.partnerId().value(), command.id()), k);
                    if (first != null) {
                        continue; // the same id twice in one batch: answered after the first is done
                    }
                    String fingerprint = command.fingerprint();
                    RecordedEvent recorded = recordedBefore.get(command.partnerId()).get(command.id());
                    if (recorded != null) {
                        unit[k] = answer(() -> replay(recorded, fingerprint));
                    } else {
                        works[k] = evaluation.add(command, occurredAt.get(k), fingerprint);
                    }
                }
                evaluation.payAndSave();
                for (int k = 0; k < admitted.size(); k++) {
                    if (works[k] != null) {
                        unit[k] = BatchItem.of(works[k].result);
                    }
                }
                for (int k = 0; k < admitted.size(); k++) {
                    RecordEventCommand command = unitCommands.get(k);
                    int first = firstById.get(List.of(command.partnerId().value(), command.id()));
                    if (first != k) {
                        unit[k] = again(unitCommands.get(first), command, unit[first]);
                    }
                }
                return Arrays.asList(unit);
            });
            for (int k = 0; k < admitted.size(); k++) {
                items[admitted.get(k)] = together.get(k);
            }
        } catch (StoreUnavailableException outage) {
            admitted.forEach(i -> items[i] = BatchItem.failed(outage));
            return outage;
        } catch (RuntimeException unitFailed) {
            for (int i : admitted) {
                items[i] = answer(() -> record(commands.get(i)));
                if (items[i].failure() instanceof StoreUnavailableException outage) {
                    admitted.stream().filter(j -> items[j] == null).forEach(j -> items[j] = BatchItem.failed(outage));
                    return outage;
                }
            }
        }
        return null;
    }

    /** A later event of a batch with the id of an earlier one: a replay of it, or a conflict. */
    private static BatchItem again(RecordEventCommand first, RecordEventCommand later, BatchItem firstItem) {
        if (!first.fingerprint().equals(later.fingerprint())) {
            return BatchItem.failed(new EventIdConflictException(later.id()));
        }
        if (firstItem.failure() != null) {
            return firstItem;
        }
        EventResult result = firstItem.result();
        return BatchItem.of(new EventResult(result.eventId(), true, result.awards(), result.progress(),
                result.holdout()));
    }

    private static BatchItem answer(Supplier<EventResult> work) {
        try {
            return BatchItem.of(work.get());
        } catch (RuntimeException e) {
            return BatchItem.failed(e);
        }
    }

    /** When the event happened: as told, or now; never more than {@link #MAX_CLOCK_SKEW} ahead. */
    private static Instant occurredAt(RecordEventCommand command, Instant now) {
        Instant occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", "occurredAt lies more than "
                    + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        return occurredAt;
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

    /** A user's progress on a moment within one evaluation: as stored, and the last step that moved it. */
    private static final class Slot {
        final Optional<UserProgress> stored;
        Step last;

        Slot(Optional<UserProgress> stored) {
            this.stored = stored;
        }

        ProgressState state(Moment moment) {
            return last != null ? last.state
                    : stored.map(UserProgress::state).orElseGet(() -> ProgressState.start(moment.trigger()));
        }
    }

    /** What one event did to one moment. */
    private static final class Step {
        final Moment moment;
        final UserEvent event;
        final ProgressState state;
        final boolean holdout;
        final boolean completed;
        final TriggerEvaluator.Progress shown;
        String refusal;
        AwardView award;

        Step(Moment moment, UserEvent event, ProgressState state, boolean holdout, boolean completed,
             TriggerEvaluator.Progress shown, String refusal) {
            this.moment = moment;
            this.event = event;
            this.state = state;
            this.holdout = holdout;
            this.completed = completed;
            this.shown = shown;
            this.refusal = refusal;
        }
    }

    /** One event being evaluated, and in the end its result. */
    private static final class EventWork {
        final RecordEventCommand command;
        final RecordedEvent recorded;
        final List<Step> steps = new ArrayList<>();
        EventOutcome outcome;
        EventResult result;

        EventWork(RecordEventCommand command, RecordedEvent recorded) {
            this.command = command;
            this.recorded = recorded;
        }
    }

    /**
     * Events evaluated together in one transaction: {@link #prepare} reads what they need at once (their users'
     * attributes, and their users' progress rows, locked in key order); {@link #add} works out each event's progress
     * on every listening moment; {@link #payAndSave} then pays all the completions together, in event order (locking
     * the paying moments' budgets only now, and moving each budget's money in one statement), and writes each user's
     * progress once and every event with its outcome, each kind of row in one batch. A later event of the same user
     * sees the progress of an earlier one through the slots, before anything is written.
     */
    private final class Evaluation {
        private final Instant now;
        private final boolean dryRun;
        private final Map<ProgressRepository.Key, Slot> slots = new LinkedHashMap<>();
        private final Map<PartnerId, Map<String, Map<String, Object>>> profiles = new HashMap<>();
        private final List<EventWork> works = new ArrayList<>();

        Evaluation(Instant now, boolean dryRun) {
            this.now = now;
            this.dryRun = dryRun;
        }

        /**
         * Reads at once what the events to come will need — their users' attributes, and their users' progress on
         * the moments listening to them, locked in one order — instead of one query per event.
         */
        void prepare(List<RecordEventCommand> commands) {
            if (dryRun) {
                return;
            }
            Map<PartnerId, List<RecordEventCommand>> byPartner = commands.stream()
                    .collect(Collectors.groupingBy(RecordEventCommand::partnerId, LinkedHashMap::new,
                            Collectors.toList()));
            List<ProgressRepository.Key> keys = new ArrayList<>();
            byPartner.forEach((partner, theirs) -> {
                for (RecordEventCommand command : theirs) {
                    for (Moment moment : listening.listening(partner, command.type())) {
                        keys.add(new ProgressRepository.Key(moment.id(), command.userId()));
                    }
                }
            });
            Map<ProgressRepository.Key, UserProgress> locked = progress.lockAll(keys);
            for (ProgressRepository.Key key : keys) {
                slots.putIfAbsent(key, new Slot(Optional.ofNullable(locked.get(key))));
            }
            // after the progress locks, which may have waited for another transaction of the same users: their
            // attributes as that one left them
            byPartner.forEach((partner, theirs) -> {
                Set<String> users = theirs.stream().map(RecordEventCommand::userId).collect(Collectors.toSet());
                Map<String, Map<String, Object>> known =
                        new HashMap<>(RecordEventService.this.profiles.findAll(partner, users));
                users.forEach(user -> known.putIfAbsent(user, Map.of()));
                profiles.put(partner, known);
            });
        }

        EventWork add(RecordEventCommand command, Instant occurredAt, String fingerprint) {
            PartnerId partner = command.partnerId();
            UserEvent event = new UserEvent(partner, command.id(), command.type(), command.userId(),
                    command.deviceId(), occurredAt, command.properties(), command.context(), attributes(command));
            EventWork work = new EventWork(command, new RecordedEvent(partner, command.id(), fingerprint,
                    command.type(), command.userId(), occurredAt, now, null));
            for (Moment moment : listening.listening(partner, event.type())) {
                if (moment.status() == MomentStatus.TEST && !event.context().testUser()) {
                    continue;
                }
                Slot slot = slots.computeIfAbsent(new ProgressRepository.Key(moment.id(), event.userId()),
                        key -> new Slot(dryRun ? progress.find(partner, moment.id(), event.userId())
                                : progress.lock(moment.id(), event.userId())));
                boolean holdout = moment.holdsOut(event.userId());
                ProgressState before = slot.state(moment);
                Step step;
                if (!admits(moment, event)) {
                    step = new Step(moment, event, before, holdout, false, null, NOT_IN_AUDIENCE);
                } else {
                    TriggerEvaluator evaluator = new TriggerEvaluator(moment.trigger(), moment.schedule(), lateness);
                    TriggerEvaluator.Outcome outcome = evaluator.apply(before, event, expressions::predicate);
                    step = new Step(moment, event, outcome.state(), holdout, outcome.completed(),
                            evaluator.progress(outcome.state()), outcome.completed() && holdout ? HOLDOUT : null);
                }
                slot.last = step;
                work.steps.add(step);
            }
            works.add(work);
            return work;
        }

        void payAndSave() {
            List<Step> paying = new ArrayList<>();
            for (EventWork work : works) {
                for (Step step : work.steps) {
                    if (step.completed && !step.holdout) {
                        paying.add(step);
                    }
                }
            }
            if (dryRun) {
                paying.forEach(this::payDryRun);
            } else {
                List<Awarding.Payment> payments = awarding.awardAll(paying.stream()
                        .map(step -> new Awarding.Completion(step.moment, step.event.userId(), step.event.deviceId(),
                                step.event.id()))
                        .toList(), now);
                for (int i = 0; i < paying.size(); i++) {
                    paying.get(i).award = payments.get(i).award();
                    paying.get(i).refusal = payments.get(i).refusal();
                }
            }
            List<UserProgress> inserts = new ArrayList<>();
            List<UserProgress> updates = new ArrayList<>();
            for (Slot slot : slots.values()) {
                Step last = slot.last;
                if (last == null) {
                    continue; // prepared for an event that did not reach the moment (not a test user)
                }
                UserProgress next = new UserProgress(last.event.partnerId(), last.moment.id(), last.event.userId(),
                        last.state, last.holdout, last.refusal, now);
                (slot.stored.isPresent() ? updates : inserts).add(next);
            }
            List<RecordedEvent> recorded = new ArrayList<>();
            for (EventWork work : works) {
                work.result = result(work);
                recorded.add(work.recorded.withOutcome(work.outcome));
            }
            if (!dryRun) {
                // in key order, so two units inserting the same keys wait for each other in one order
                inserts.sort(Comparator.comparing((UserProgress p) -> p.momentId().value())
                        .thenComparing(UserProgress::userId));
                recorded.sort(Comparator.comparing((RecordedEvent e) -> e.partnerId().value())
                        .thenComparing(RecordedEvent::eventId));
                progress.saveAll(inserts, updates);
                events.insertAll(recorded);
            }
        }

        private void payDryRun(Step step) {
            try {
                step.award = dryRunAward(step.moment, step.event, now);
            } catch (NotEligibleException e) {
                step.refusal = e.reason();
            }
        }

        private EventResult result(EventWork work) {
            List<AwardView> earned = new ArrayList<>();
            List<EventOutcome.Progress> progressed = new ArrayList<>();
            List<MomentId> heldOut = new ArrayList<>();
            for (Step step : work.steps) {
                if (step.shown == null) {
                    continue; // not in the audience: no progress to show
                }
                if (step.award != null) {
                    earned.add(step.award);
                }
                if (step.completed && step.holdout) {
                    heldOut.add(step.moment.id());
                }
                progressed.add(step.completed
                        ? new EventOutcome.Progress(step.moment.id(), true, step.shown.target(), step.shown.target())
                        : new EventOutcome.Progress(step.moment.id(), false, step.shown.current(),
                        step.shown.target()));
            }
            EventOutcome outcome = new EventOutcome(earned.stream().map(view -> view.award().id()).toList(),
                    progressed, heldOut);
            work.outcome = outcome;
            return new EventResult(work.command.id(), false, earned, progressViews(outcome), heldOut);
        }

        /**
         * The user's attributes: those stored (read by {@link #prepare}, or now), overridden by those the event
         * brings, which are then stored and seen by the user's later events in this evaluation.
         */
        private Map<String, Object> attributes(RecordEventCommand command) {
            Map<String, Map<String, Object>> known = profiles.computeIfAbsent(command.partnerId(),
                    partner -> new HashMap<>());
            Map<String, Object> before = known.computeIfAbsent(command.userId(),
                    user -> RecordEventService.this.profiles.find(command.partnerId(), user));
            if (command.user().isEmpty()) {
                return before;
            }
            Map<String, Object> merged = new LinkedHashMap<>(before);
            merged.putAll(command.user());
            if (!dryRun && !merged.equals(before)) {
                // only what the event brings: the store merges it over what it holds, so the attributes another
                // transaction stored meanwhile are kept
                RecordEventService.this.profiles.save(command.partnerId(), command.userId(), command.user(), now);
            }
            known.put(command.userId(), merged);
            return merged;
        }

    }

    private AwardView dryRunAward(Moment moment, UserEvent event, Instant now) {
        Optional<String> refusal = awarding.check(moment, event.userId(), event.deviceId(), now);
        if (refusal.isPresent()) {
            throw new NotEligibleException(refusal.get());
        }
        return awarding.hypothetical(moment, event.userId(), event.deviceId(), event.id(), now);
    }

    /** Audience: country, platform and segments from the event, and the condition over the user's attributes. */
    private boolean admits(Moment moment, UserEvent event) {
        return moment.audience().admitsContextOf(event)
                && expressions.predicate(moment.audience().where()).test(event);
    }

    private static List<ProgressView> progressViews(EventOutcome outcome) {
        return outcome.progress().stream()
                .map(p -> new ProgressView(p.momentId(), p.complete(), p.current(), p.target()))
                .toList();
    }
}
