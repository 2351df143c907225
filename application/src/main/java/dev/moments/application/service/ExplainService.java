package dev.moments.application.service;

import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.ProgressState;
import dev.moments.domain.trigger.TriggerEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Explains a user's progress on a moment and every reason that stands between the user and a reward. */
public final class ExplainService implements ExplainProgressQuery {

    private final MomentRepository moments;
    private final ProgressRepository progress;
    private final AwardRepository awards;
    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private final Clock clock;
    private final Duration lateness;

    public ExplainService(MomentRepository moments, ProgressRepository progress, AwardRepository awards,
                          BudgetLedger ledger, PartnerSpending spending, Clock clock, Duration lateness) {
        this.moments = moments;
        this.progress = progress;
        this.awards = awards;
        this.ledger = ledger;
        this.spending = spending;
        this.clock = clock;
        this.lateness = lateness;
    }

    @Override
    public Explanation explain(PartnerId partnerId, String userId, MomentId momentId) {
        Moment moment = moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
        Instant now = clock.now();
        Optional<UserProgress> stored = progress.find(partnerId, momentId, userId);
        ProgressState state = stored.map(UserProgress::state).orElseGet(() -> ProgressState.start(moment.trigger()));
        TriggerEvaluator.Progress shown = new TriggerEvaluator(moment.trigger(), moment.schedule(), lateness)
                .progress(state);
        int awarded = awards.countForUser(momentId, userId);

        Set<String> reasons = new LinkedHashSet<>();
        if (moment.status() == MomentStatus.EXHAUSTED) {
            reasons.add(Awarding.BUDGET_EXHAUSTED);
        } else if (!ListeningMoments.EVALUATED.contains(moment.status())) {
            reasons.add(Awarding.NOT_LIVE);
        } else if (moment.status() == MomentStatus.TEST) {
            reasons.add("TEST_USERS_ONLY");
        }
        if (!moment.schedule().contains(now)) {
            reasons.add("OUTSIDE_SCHEDULE");
        }
        stored.map(UserProgress::lastRefusal).filter(RecordEventService.NOT_IN_AUDIENCE::equals).ifPresent(reasons::add);
        if (moment.holdsOut(userId)) {
            reasons.add(RecordEventService.HOLDOUT);
        }
        if (awarded >= moment.limits().perUser()) {
            reasons.add(Awarding.LIMIT_PER_USER);
        } else if (moment.limits().cooldown() != null && awards.lastEarnedAt(momentId, userId)
                .filter(last -> now.isBefore(last.plus(moment.limits().cooldown()))).isPresent()) {
            reasons.add(Awarding.COOLDOWN);
        }
        if (moment.status() == MomentStatus.LIVE) {
            Budget budget = ledger.find(momentId).orElseThrow();
            if (Awarding.monthlyCapReached(spending, moment, budget, now)) {
                reasons.add(Awarding.MONTHLY_CAP);
            }
            if (!budget.canPayOneAction()) {
                reasons.add(Awarding.BUDGET_EXHAUSTED);
            } else if (Awarding.dailyCapReached(ledger, moment, budget, now)) {
                reasons.add(Awarding.DAILY_CAP);
            }
        }
        if (state.lateIgnored() > 0) {
            reasons.add("LATE_EVENTS_IGNORED");
        }
        if (reasons.isEmpty() && !shown.complete()) {
            reasons.add(moment.trigger().kind().equals("direct") ? "AWAITING_PARTNER" : "NOT_COMPLETED");
        }
        return new Explanation(momentId, userId, moment.status(), moment.trigger().kind(), shown.current(),
                shown.target(), shown.complete(), state.completions(), awarded, state.lateIgnored(), state.newest(),
                state.floor(), moment.holdsOut(userId), List.copyOf(reasons));
    }
}
