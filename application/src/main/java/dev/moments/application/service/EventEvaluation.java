package dev.moments.application.service;

import dev.moments.application.port.BadgeEarned;
import dev.moments.application.port.PointsEarned;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.application.port.in.RecordEventUseCase.ProgressView;
import dev.moments.application.port.out.BadgeStore;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.Badge;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.ProgressState;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.TriggerEvaluator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Events evaluated together in one transaction (a unit of work): {@link #prepare} reads what they need at once
 * (their users' attributes, and their users' progress rows, locked in key order); {@link #add} works out each event's
 * progress on every listening moment; {@link #payAndSave} then pays all the completions together, in event order
 * ({@link Awarding}), writes each user's progress once and every event with its outcome, each kind of row in one
 * batch, and moves the money last. A later event of the same user sees the progress of an earlier one through the
 * slots, before anything is written. A dry run answers the same questions and writes nothing.
 */
final class EventEvaluation {

    /** One event being evaluated, and in the end its result. */
    static final class Work {
        private final RecordEventCommand command;
        private final RecordedEvent recorded;
        private final List<Step> steps = new ArrayList<>();
        private List<PointsEarned> points = List.of();
        private List<BadgeEarned> badges = List.of();
        private UserEvent event;
        private EventOutcome outcome;
        private EventResult result;

        private Work(RecordEventCommand command, RecordedEvent recorded) {
            this.command = command;
            this.recorded = recorded;
        }

        /** What the event led to, once {@link #payAndSave} ran. */
        EventResult result() {
            return result;
        }
    }

    /** A user's progress on a moment within one evaluation: as stored, and the last step that moved it. */
    private static final class Slot {
        final Optional<UserProgress> stored;
        Step last;
        /** The user's first reach of the moment: the earliest admitted event while LIVE, stored or seen now. */
        Instant reachedAt;
        /** When an event of the reached user first counted towards the trigger. */
        Instant progressedAt;
        /** The revenue of the user's events after the reach, and whether this evaluation added to it. */
        BigDecimal revenue;
        boolean earned;
        /** The variant the user was given at the reach (recorded once), or {@code null}. */
        String variant;

        Slot(Optional<UserProgress> stored) {
            this.stored = stored;
            this.variant = stored.map(UserProgress::variant).orElse(null);
            this.reachedAt = stored.map(UserProgress::reachedAt).orElse(null);
            this.progressedAt = stored.map(UserProgress::progressedAt).orElse(null);
            this.revenue = stored.map(UserProgress::revenue).orElse(BigDecimal.ZERO);
        }

        /** Whether the evaluation changed anything of the user's progress on the moment. */
        boolean changed() {
            return last != null || earned;
        }

        /** An event of the user brought revenue: it counts once the user reached the moment before it. */
        void earn(Moment moment, UserEvent event, CompiledExpressions expressions) {
            if (reachedAt == null || !event.occurredAt().isAfter(reachedAt)) {
                return;
            }
            BigDecimal value = expressions.value(moment.outcomes().revenue().value()).of(event);
            if (value != null && value.signum() != 0) {
                // saturated at a trillion either way: no user's revenue is beyond any amount the model keeps
                revenue = revenue.add(value).max(Money.MAX_AMOUNT.negate()).min(Money.MAX_AMOUNT);
                earned = true;
            }
        }

        /** A reached user's event counted towards the trigger: the first such event is when the user progressed. */
        void progressed(Instant occurredAt, TriggerEvaluator.Progress shown, boolean completed) {
            boolean moved = completed || shown.current().signum() > 0;
            if (reachedAt != null && moved && (progressedAt == null || occurredAt.isBefore(progressedAt))) {
                progressedAt = occurredAt;
            }
        }

        /**
         * An event passed the moment's audience and counted for its trigger (not outside the schedule, not too late):
         * the user reached the moment then, unless earlier already. A test user never reaches a moment: the report's
         * arms are real users.
         */
        void reached(Moment moment, UserEvent event, TriggerEvaluator.Disposition disposition) {
            boolean counts = disposition != TriggerEvaluator.Disposition.OUTSIDE_SCHEDULE
                    && disposition != TriggerEvaluator.Disposition.TOO_LATE;
            Instant occurredAt = event.occurredAt();
            if (counts && moment.status() == MomentStatus.LIVE && !event.context().testUser()
                    && (reachedAt == null || occurredAt.isBefore(reachedAt))) {
                reachedAt = occurredAt;
            }
        }

        /**
         * A treatment user who has reached a moment with variants gets one, for good: the moment's hash names it
         * ({@link Moment#variantOf}).
         */
        void assignVariant(Moment moment, String userId, boolean holdout) {
            if (variant == null && reachedAt != null && !holdout && !moment.variants().isEmpty()) {
                variant = moment.variantNameOf(userId);
            }
        }

        /** The variant a completion of the user is paid under: the one recorded, else the one the hash gives. */
        String variantFor(Moment moment, String userId) {
            return variant != null ? variant : moment.variantNameOf(userId);
        }

        /** The user's arm: the one the first reach gave, for good; before a reach, the moment's holdout hash. */
        boolean holdout(Moment moment, String userId) {
            return stored.filter(progress -> progress.reachedAt() != null).map(UserProgress::holdout)
                    .orElseGet(() -> moment.holdsOut(userId));
        }

        ProgressState state(Moment moment) {
            return last != null ? last.state
                    : stored.map(UserProgress::state).orElseGet(() -> ProgressState.start(moment.trigger()));
        }

        /** The refusal of the user's last completion, if the last word is one (not an audience refusal). */
        Refusal lastCompletionRefusal() {
            Refusal refusal = last != null ? last.refusal
                    : stored.map(UserProgress::lastRefusal).flatMap(Refusals::of).orElse(null);
            return refusal == Refusal.NOT_IN_AUDIENCE ? null : refusal;
        }
    }

    /** What one event did to one moment. */
    private static final class Step {
        final Moment moment;
        final UserEvent event;
        final boolean holdout;
        final boolean completed;
        final TriggerEvaluator.Progress shown;
        /** The progress to keep instead of {@link #state} if the completion is refused for the partner's money. */
        final ProgressState kept;
        ProgressState state;
        Refusal refusal;
        AwardView award;
        /** For a referral moment that rewards its referees: the referee's own award, or why it was refused. */
        AwardView refereeAward;
        Refusal refereeRefusal;
        /** For a referral moment: the referral this unit recorded for the user up to this event, if any. */
        Referral referredHere;
        /** Whether the user has reached the moment by this event: a control user's responses then say so. */
        boolean reached;
        /** Whether an award of this step may be e-mailed (the event did not say {@code notify.email: false}). */
        boolean notifyByEmail = true;

        Step(Moment moment, UserEvent event, TriggerEvaluator.Outcome outcome, boolean holdout,
             TriggerEvaluator.Progress shown, Refusal refusal) {
            this.moment = moment;
            this.event = event;
            this.state = outcome.state();
            this.kept = outcome.kept();
            this.holdout = holdout;
            this.completed = outcome.completed();
            this.shown = shown;
            this.refusal = refusal;
        }

        /** A completion refused for the partner's money keeps the user's progress; any other uses it up. */
        void refused(Refusal refusal) {
            this.refusal = refusal;
            if (refusal.keepsProgress()) {
                state = kept;
            }
        }
    }

    private final EventEvaluations with;
    private final Instant now;
    private final boolean dryRun;
    private final Awarding.Locking locking;
    private final Map<ProgressRepository.Key, Slot> slots = new LinkedHashMap<>();
    private final Map<PartnerId, Map<String, Map<String, Object>>> attributes = new HashMap<>();
    private final List<Work> works = new ArrayList<>();
    private final Map<BadgeStore.Key, BadgeSlot> badgeSlots = new LinkedHashMap<>();
    /**
     * The referrals the unit's events named, by partner and referee: the first one of each user, if new. Partners in
     * id order, so units writing several partners' rows write them in one order.
     */
    private final Map<PartnerId, Map<String, Referral>> named = new TreeMap<>(Comparator.comparing(PartnerId::value));
    /** The referrals stored before the unit, read when a referral moment's completion needs one. */
    private final Map<PartnerId, Map<String, Optional<Referral>>> stored = new HashMap<>();
    /** The devices the unit's users were seen on, by partner with referral moments (in id order, as above). */
    private final Map<PartnerId, Set<UserProfileRepository.UserDevice>> seen =
            new TreeMap<>(Comparator.comparing(PartnerId::value));

    /** A user's progress towards a badge within one evaluation. */
    private static final class BadgeSlot {
        final PartnerId partnerId;
        final boolean stored;
        ProgressState state;
        Instant earnedAt;
        String eventId;
        boolean changed;

        BadgeSlot(PartnerId partnerId, Badge badge, Optional<BadgeStore.Progress> stored) {
            this.partnerId = partnerId;
            this.stored = stored.isPresent();
            this.state = stored.map(BadgeStore.Progress::state).orElseGet(() -> ProgressState.start(badge.trigger()));
            this.earnedAt = stored.map(BadgeStore.Progress::earnedAt).orElse(null);
            this.eventId = stored.map(BadgeStore.Progress::eventId).orElse(null);
        }
    }

    EventEvaluation(EventEvaluations with, Instant now, boolean dryRun, Awarding.Locking locking) {
        this.with = with;
        this.now = now;
        this.dryRun = dryRun;
        this.locking = locking;
    }

    /**
     * Reads at once what the events to come will need — their users' attributes, and their users' progress on the
     * moments listening to them, locked in one order — instead of one query per event.
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
                for (Moment moment : with.listening().listening(partner, command.type())) {
                    keys.add(new ProgressRepository.Key(moment.id(), command.userId()));
                }
            }
        });
        Map<ProgressRepository.Key, UserProgress> locked = with.progress().lockAll(keys);
        for (ProgressRepository.Key key : keys) {
            slots.putIfAbsent(key, new Slot(Optional.ofNullable(locked.get(key))));
        }
        // then the badges' progress, in one order too
        Map<BadgeStore.Key, Badge> badges = new LinkedHashMap<>();
        Map<BadgeStore.Key, PartnerId> partners = new HashMap<>();
        byPartner.forEach((partner, theirs) -> {
            for (RecordEventCommand command : theirs) {
                for (Badge badge : with.badges().listening(partner, command.type())) {
                    BadgeStore.Key key = new BadgeStore.Key(badge.id(), command.userId());
                    badges.putIfAbsent(key, badge);
                    partners.putIfAbsent(key, partner);
                }
            }
        });
        if (!badges.isEmpty()) {
            Map<BadgeStore.Key, BadgeStore.Progress> progress = with.badges().store().lockAll(badges.keySet());
            badges.forEach((key, badge) -> badgeSlots.putIfAbsent(key,
                    new BadgeSlot(partners.get(key), badge, Optional.ofNullable(progress.get(key)))));
        }
        // after the progress locks, which may have waited for another transaction of the same users: their
        // attributes as that one left them
        byPartner.forEach((partner, theirs) -> {
            Set<String> users = theirs.stream().map(RecordEventCommand::userId).collect(Collectors.toSet());
            Map<String, Map<String, Object>> known = new HashMap<>(with.profiles().findAll(partner, users));
            users.forEach(user -> known.putIfAbsent(user, Map.of()));
            attributes.put(partner, known);
        });
    }

    /** Works out the event's progress on every moment listening to it; nothing is paid or written yet. */
    Work add(RecordEventCommand command, Instant occurredAt, String fingerprint) {
        PartnerId partner = command.partnerId();
        UserEvent event = new UserEvent(partner, command.id(), command.type(), command.userId(),
                command.deviceId(), occurredAt, command.properties(), command.context(), attributes(command));
        Work work = new Work(command, new RecordedEvent(partner, command.id(), fingerprint,
                command.type(), command.userId(), occurredAt, now, null));
        refer(command, occurredAt);
        // the referral this event or an earlier one of the unit named: an event may name the referrer and complete
        Referral referredHere = named.getOrDefault(partner, Map.of()).get(command.userId());
        for (Moment moment : with.listening().listening(partner, event.type())) {
            if (moment.status() == MomentStatus.TEST && !event.context().testUser()) {
                continue;
            }
            Slot slot = slots.computeIfAbsent(new ProgressRepository.Key(moment.id(), event.userId()),
                    key -> new Slot(dryRun ? with.progress().find(partner, moment.id(), event.userId())
                            : with.progress().lock(moment.id(), event.userId())));
            // a moment listens to its trigger's types, and to its outcomes' when it follows any
            if (moment.outcomes().followsRevenue()) {
                if (moment.outcomes().eventTypes().contains(event.type())) {
                    slot.earn(moment, event, with.expressions());
                }
                if (!moment.trigger().eventTypes().contains(event.type())) {
                    continue; // an outcome only: it neither reaches the moment nor counts towards it
                }
            }
            boolean holdout = slot.holdout(moment, event.userId());
            ProgressState before = slot.state(moment);
            Step step;
            if (!admits(moment, event)) {
                step = new Step(moment, event, new TriggerEvaluator.Outcome(before, false,
                        TriggerEvaluator.Disposition.COUNTED), holdout, null, Refusal.NOT_IN_AUDIENCE);
            } else {
                TriggerEvaluator evaluator = new TriggerEvaluator(moment.trigger(), moment.schedule(),
                        with.lateness());
                TriggerEvaluator.Outcome outcome = evaluator.apply(before, event, with.expressions()::predicate);
                slot.reached(moment, event, outcome.disposition());
                slot.assignVariant(moment, event.userId(), holdout);
                Refusal refusal = outcome.completed() ? (holdout ? Refusal.HOLDOUT : null)
                        : slot.lastCompletionRefusal(); // an event that completes nothing leaves it as it was
                step = new Step(moment, event, outcome, holdout, evaluator.progress(outcome.state()), refusal);
                step.reached = slot.reachedAt != null;
                slot.progressed(event.occurredAt(), step.shown, outcome.completed());
            }
            step.notifyByEmail = command.notifyByEmail();
            step.referredHere = referredHere;
            slot.last = step;
            work.steps.add(step);
        }
        work.event = event;
        work.points = with.points().earnedBy(event);
        work.badges = badgesEarnedBy(event);
        works.add(work);
        return work;
    }

    /**
     * Keeps the referral the event names, if it is the first of its user in this unit, and the device the user was seen
     * on, if the partner has referral moments: both are written with the unit, before its completions are paid.
     */
    private void refer(RecordEventCommand command, Instant occurredAt) {
        PartnerId partner = command.partnerId();
        Referral.named(command.userId(), command.user().get(RecordEventCommand.REFERRED_BY), occurredAt)
                .ifPresent(referral -> named.computeIfAbsent(partner, p -> new LinkedHashMap<>())
                        .putIfAbsent(command.userId(), referral));
        if (command.deviceId() != null && with.listening().hasReferrals(partner)) {
            seen.computeIfAbsent(partner, p -> new TreeSet<>())
                    .add(new UserProfileRepository.UserDevice(command.userId(), command.deviceId()));
        }
    }

    /**
     * The referral of the user who completed a referral moment with this step: the one stored before the unit (the
     * first is kept; read before the unit writes its own), else one this event or an earlier one of the unit named.
     */
    private Referral referral(Step step) {
        PartnerId partner = step.event.partnerId();
        String userId = step.event.userId();
        return stored.computeIfAbsent(partner, p -> new HashMap<>())
                .computeIfAbsent(userId, user -> Optional.ofNullable(
                        with.profiles().referrals(partner, List.of(user)).get(user)))
                .orElse(step.referredHere);
    }

    /** Reads at once the referrals stored for the users who completed a referral moment in this unit. */
    private void readStoredReferrals() {
        Map<PartnerId, Set<String>> referees = new LinkedHashMap<>();
        for (Work work : works) {
            for (Step step : work.steps) {
                if (step.completed && !step.holdout && step.moment.trigger() instanceof ReferralTrigger) {
                    referees.computeIfAbsent(step.event.partnerId(), p -> new TreeSet<>()).add(step.event.userId());
                }
            }
        }
        referees.forEach((partner, users) -> {
            Map<String, Referral> found = with.profiles().referrals(partner, users);
            Map<String, Optional<Referral>> known = stored.computeIfAbsent(partner, p -> new HashMap<>());
            users.forEach(user -> known.put(user, Optional.ofNullable(found.get(user))));
        });
    }

    /** Writes the referrals and devices the unit's events told of, each kind sorted, so units wait in one order. */
    private void saveReferrals() {
        named.forEach((partner, referrals) -> with.profiles().refer(partner, referrals.values().stream()
                .sorted(Comparator.comparing(Referral::referee)).toList()));
        seen.forEach((partner, devices) -> with.profiles().seenOn(partner, List.copyOf(devices)));
    }

    /**
     * What a completion of the step pays: one award to its user, or for a referral moment one to the referrer and,
     * when the moment rewards its referees, one to the referee.
     */
    private List<Awarding.Completion> completions(Step step, boolean followed) {
        UserEvent event = step.event;
        String variant = slots.get(new ProgressRepository.Key(step.moment.id(), event.userId()))
                .variantFor(step.moment, event.userId());
        // the address is kept with the award, so a perIp limit added later counts it
        Awarding.Origin origin = Awarding.Origin.of(event.context(), event.userAttributes());
        if (!(step.moment.trigger() instanceof ReferralTrigger trigger)) {
            return List.of(new Awarding.Completion(step.moment, event.userId(), event.deviceId(), event.id(),
                    event.occurredAt(), event.context().testUser(), true, followed, step.notifyByEmail, null, false,
                    false, variant, origin));
        }
        Referral referral = referral(step);
        boolean sharesDevice = referral != null && referral.expiredAt(trigger, event.occurredAt()).isEmpty()
                && with.profiles().shareDevice(event.partnerId(), referral.referee(), referral.referrer());
        Awarding.Completion toReferrer = new Awarding.Completion(step.moment, event.userId(), event.deviceId(),
                event.id(), event.occurredAt(), event.context().testUser(), true, followed, step.notifyByEmail,
                referral, false, sharesDevice, variant, origin);
        if (referral == null || !trigger.rewardReferee()) {
            return List.of(toReferrer);
        }
        // the referee's award follows the referrer's; what the referrer's leaves of the progress is what counts
        return List.of(toReferrer, new Awarding.Completion(step.moment, event.userId(), event.deviceId(), event.id(),
                event.occurredAt(), event.context().testUser(), true, false, step.notifyByEmail, referral, true,
                sharesDevice, variant, origin));
    }

    /** Moves the user's progress towards every badge listening to the event; answers those it completes. */
    private List<BadgeEarned> badgesEarnedBy(UserEvent event) {
        List<Badge> listening = with.badges().listening(event.partnerId(), event.type());
        if (listening.isEmpty()) {
            return List.of();
        }
        List<BadgeEarned> earned = new ArrayList<>();
        for (Badge badge : listening) {
            BadgeStore.Key key = new BadgeStore.Key(badge.id(), event.userId());
            BadgeSlot slot = badgeSlots.computeIfAbsent(key, k -> new BadgeSlot(event.partnerId(), badge, dryRun
                    ? with.badges().store().find(event.partnerId(), badge.id(), event.userId())
                    : Optional.ofNullable(with.badges().store().lockAll(List.of(k)).get(k))));
            if (slot.earnedAt != null) {
                continue; // a badge is earned once
            }
            TriggerEvaluator.Outcome outcome = new TriggerEvaluator(badge.trigger(), Badge.ALWAYS, with.lateness())
                    .apply(slot.state, event, with.expressions()::predicate);
            slot.state = outcome.state();
            slot.changed = true;
            if (outcome.completed()) {
                slot.earnedAt = now;
                slot.eventId = event.id();
                earned.add(new BadgeEarned(badge.id(), badge.name()));
            }
        }
        return earned;
    }

    /**
     * Pays every completion not held out, in event order, then stores each user's progress once (kept where a
     * completion was refused for the partner's money) and every event with its outcome.
     */
    void payAndSave() {
        if (!dryRun) {
            readStoredReferrals(); // what was stored before the unit, before the unit writes its own
            saveReferrals(); // then, before the money: a completion of this unit may pay a referral it recorded
        }
        List<Step> paying = new ArrayList<>();
        List<Awarding.Completion> completions = new ArrayList<>();
        for (Work work : works) {
            for (Step step : work.steps) {
                if (step.completed && !step.holdout) {
                    boolean followed = slots.get(new ProgressRepository.Key(step.moment.id(), step.event.userId()))
                            .last != step;
                    for (Awarding.Completion completion : completions(step, followed)) {
                        paying.add(step);
                        completions.add(completion);
                    }
                }
            }
        }
        Awarding.Paying money = null;
        List<Awarding.Payment> payments;
        if (dryRun) {
            payments = completions.stream().map(this::payDryRun).toList();
        } else {
            money = with.awarding().pay(completions, now, locking);
            payments = money.payments();
        }
        for (int i = 0; i < paying.size(); i++) {
            Awarding.Payment payment = payments.get(i);
            Step step = paying.get(i);
            if (completions.get(i).toReferee()) {
                step.refereeAward = payment.award();
                step.refereeRefusal = payment.refusal();
            } else {
                step.award = payment.award();
                if (payment.refusal() != null) {
                    step.refused(payment.refusal());
                }
            }
        }
        List<UserProgress> inserts = new ArrayList<>();
        List<UserProgress> updates = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (!slot.changed()) {
                continue; // prepared for an event that did not reach the moment (not a test user), or brought nothing
            }
            Step last = slot.last;
            UserProgress next = last == null
                    ? withRevenue(slot.stored.orElseThrow(), slot.revenue) // only revenue of a reached user
                    : new UserProgress(last.event.partnerId(), last.moment.id(), last.event.userId(),
                    last.state, last.holdout, last.refusal == null ? null : last.refusal.name(), now,
                    slot.reachedAt, slot.progressedAt, slot.revenue, slot.variant);
            (slot.stored.isPresent() ? updates : inserts).add(next);
        }
        List<RecordedEvent> recorded = new ArrayList<>();
        for (Work work : works) {
            work.result = result(work);
            recorded.add(work.recorded.withOutcome(work.outcome));
        }
        if (!dryRun) {
            // in key order, so two units inserting the same keys wait for each other in one order
            inserts.sort(Comparator.comparing((UserProgress p) -> p.momentId().value())
                    .thenComparing(UserProgress::userId));
            recorded.sort(Comparator.comparing((RecordedEvent e) -> e.partnerId().value())
                    .thenComparing(RecordedEvent::eventId));
            with.progress().saveAll(inserts, updates);
            with.progress().recordCompletions(completions());
            with.events().insertAll(recorded);
            with.points().write(works.stream().filter(work -> !work.points.isEmpty())
                    .map(work -> new PointRules.Earning(work.event, work.points)).toList(), now);
            List<BadgeStore.Progress> badgeInserts = new ArrayList<>();
            List<BadgeStore.Progress> badgeUpdates = new ArrayList<>();
            badgeSlots.forEach((key, slot) -> {
                if (slot.changed) {
                    (slot.stored ? badgeUpdates : badgeInserts).add(new BadgeStore.Progress(key.badgeId(),
                            slot.partnerId, key.userId(), slot.state, slot.earnedAt, slot.eventId));
                }
            });
            // in key order, so two units inserting the same keys wait for each other in one order
            badgeInserts.sort(Comparator.comparing((BadgeStore.Progress p) -> p.badgeId().value())
                    .thenComparing(BadgeStore.Progress::userId));
            if (!badgeInserts.isEmpty() || !badgeUpdates.isEmpty()) {
                with.badges().store().saveAll(badgeInserts, badgeUpdates);
            }
            // last: locking last, the budgets' rows are locked by these statements until the commit that follows
            money.moveMoney();
        }
    }

    private UserProgress withRevenue(UserProgress stored, BigDecimal revenue) {
        return new UserProgress(stored.partnerId(), stored.momentId(), stored.userId(), stored.state(),
                stored.holdout(), stored.lastRefusal(), now, stored.reachedAt(), stored.progressedAt(), revenue,
                stored.variant());
    }

    /**
     * The completions of live moments this evaluation used up, in both arms: paid, held out, or refused for a reason
     * other than the partner's money (which keeps the progress: the user completes it again later).
     */
    private List<ProgressRepository.Completion> completions() {
        List<ProgressRepository.Completion> completions = new ArrayList<>();
        for (Work work : works) {
            for (Step step : work.steps) {
                boolean usedUp = step.completed && (step.refusal == null || !step.refusal.keepsProgress());
                if (usedUp && step.moment.status() == MomentStatus.LIVE && !step.event.context().testUser()) {
                    completions.add(new ProgressRepository.Completion(step.moment.partnerId(), step.moment.id(),
                            step.event.userId(),
                            step.state.completions(), step.holdout, step.event.occurredAt()));
                }
            }
        }
        return completions;
    }

    private Awarding.Payment payDryRun(Awarding.Completion completion) {
        Optional<Refusal> refusal = with.eligibility().check(completion, now);
        return refusal.isPresent() ? new Awarding.Payment(null, refusal.get())
                : new Awarding.Payment(with.awarding().hypothetical(completion, now), null);
    }

    private EventResult result(Work work) {
        List<AwardView> earned = new ArrayList<>();
        List<EventOutcome.Progress> progressed = new ArrayList<>();
        List<MomentId> heldOut = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Step step : work.steps) {
            if (step.completed && step.refusal != null) {
                refused.add(step.refusal);
            }
            if (step.refereeRefusal != null && !refused.contains(step.refereeRefusal)) {
                refused.add(step.refereeRefusal);
            }
            if (step.shown == null) {
                continue; // not in the audience: no progress to show
            }
            if (step.award != null) {
                earned.add(step.award);
            }
            if (step.refereeAward != null) {
                earned.add(step.refereeAward);
            }
            if (step.holdout && step.reached) {
                heldOut.add(step.moment.id()); // a control user, once reached: every response says so
            }
            // a completion kept for want of money stays complete, whatever this event did
            progressed.add(step.completed || step.shown.complete()
                    ? new EventOutcome.Progress(step.moment.id(), true, step.shown.target(), step.shown.target())
                    : new EventOutcome.Progress(step.moment.id(), false, step.shown.current(),
                    step.shown.target()));
        }
        EventOutcome outcome = new EventOutcome(earned.stream().map(view -> view.award().id()).toList(),
                progressed, heldOut, work.points, work.badges);
        work.outcome = outcome;
        return new EventResult(work.command.id(), false, earned, progressViews(outcome), heldOut, refused,
                work.points, work.badges);
    }

    /**
     * The user's attributes: those stored (read by {@link #prepare}, or now), overridden by those the event brings,
     * which are then stored and seen by the user's later events in this evaluation.
     */
    private Map<String, Object> attributes(RecordEventCommand command) {
        Map<String, Map<String, Object>> known = attributes.computeIfAbsent(command.partnerId(),
                partner -> new HashMap<>());
        Map<String, Object> before = known.computeIfAbsent(command.userId(),
                user -> with.profiles().find(command.partnerId(), user));
        if (command.user().isEmpty()) {
            return before;
        }
        Map<String, Object> merged = new LinkedHashMap<>(before);
        merged.putAll(command.user());
        if (!dryRun && !merged.equals(before)) {
            // only what the event brings: the store merges it over what it holds, so the attributes another
            // transaction stored meanwhile are kept
            with.profiles().save(command.partnerId(), command.userId(), command.user(), now);
        }
        known.put(command.userId(), merged);
        return merged;
    }

    /** Audience: country, platform and segments from the event, and the condition over the user's attributes. */
    private boolean admits(Moment moment, UserEvent event) {
        return moment.audience().admitsContextOf(event)
                && with.expressions().predicate(moment.audience().where()).test(event);
    }

    /** The progress of an outcome as the use case shows it. */
    static List<ProgressView> progressViews(EventOutcome outcome) {
        return outcome.progress().stream()
                .map(p -> new ProgressView(p.momentId(), p.complete(), p.current(), p.target()))
                .toList();
    }
}
