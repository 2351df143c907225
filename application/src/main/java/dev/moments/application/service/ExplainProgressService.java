package dev.moments.application.service;

import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.ExplainProgressQuery.ReferralStanding;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.trigger.ProgressState;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.TriggerEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains a user's progress on a moment and every reason that stands between the user and a reward: the refusals
 * the award policies find now, the refusal that last stopped the user's completion (kept with the progress), and
 * what is left to do. On a referral moment the user is explained as a referee (whether someone referred them, the
 * window, the rules of the referral), and as a referrer (the referrals paid to them against the limit).
 */
public final class ExplainProgressService implements ExplainProgressQuery {

    private final MomentRepository moments;
    private final ProgressRepository progress;
    private final AwardRepository awards;
    private final UserProfileRepository profiles;
    private final Eligibility eligibility;
    private final Clock clock;
    private final Duration lateness;

    public ExplainProgressService(MomentRepository moments, ProgressRepository progress, AwardRepository awards,
                                  UserProfileRepository profiles, Eligibility eligibility, Clock clock,
                                  Duration lateness) {
        this.moments = moments;
        this.progress = progress;
        this.awards = awards;
        this.profiles = profiles;
        this.eligibility = eligibility;
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
        Optional<Refusal> last = stored.map(UserProgress::lastRefusal).flatMap(Refusals::of);

        List<String> reasons = new ArrayList<>();
        // the user's variant sets the price asked about: the one recorded at the reach, else the one the hash gives
        String variant = stored.map(UserProgress::variant).orElseGet(() -> moment.variantNameOf(userId));
        ReferralStanding standing = null;
        Referral referral = null;
        boolean sharesDevice = false;
        if (moment.trigger() instanceof ReferralTrigger trigger) {
            referral = profiles.referrals(partnerId, List.of(userId)).get(userId);
            sharesDevice = referral != null && profiles.shareDevice(partnerId, userId, referral.referrer());
            standing = new ReferralStanding(referral == null ? null : referral.referrer(),
                    referral == null ? null : referral.referredAt(),
                    referral == null ? null : referral.expiresAt(trigger),
                    awards.countReferralsPaid(momentId, userId), moment.limits().perUser());
        }
        Awarding.Origin origin = Awarding.Origin.of(EventContext.NONE, profiles.find(partnerId, userId));
        Eligibility.Standing eligible = eligibility.all(moment, userId, referral, sharesDevice, variant, origin,
                now);
        List<Refusal> refusals = eligible.refusals();
        for (Refusal refusal : refusals) {
            reasons.add(refusal.name());
        }
        boolean kept = shown.complete(); // progress starts again after a completion, unless it was kept
        // the refusal that last stopped the user, while it still says where they stand: a completion used up by it
        // and nothing counted since (a kept one is explained by the policies above, as long as the money lacks)
        last.filter(refusal -> refusal == Refusal.NOT_IN_AUDIENCE
                        || !refusal.keepsProgress() && !kept && shown.current().signum() == 0)
                .filter(refusal -> !reasons.contains(refusal.name())).ifPresent(refusal -> reasons.add(refusal.name()));
        if (state.lateIgnored() > 0) {
            reasons.add(Note.LATE_EVENTS_IGNORED.name());
        }
        if (reasons.isEmpty() && !shown.complete()) {
            reasons.add((moment.trigger().kind().equals("direct") ? Note.AWAITING_PARTNER : Note.NOT_COMPLETED).name());
        }
        return new Explanation(momentId, userId, moment.status(), moment.trigger().kind(), shown.current(),
                shown.target(), shown.complete(), state.completions(), awards.countForUser(momentId, userId),
                state.lateIgnored(), state.newest(), state.floor(), moment.holdsOut(userId), List.copyOf(reasons),
                last.map(Refusal::name).orElse(null), kept, standing, eligible.risk());
    }
}
