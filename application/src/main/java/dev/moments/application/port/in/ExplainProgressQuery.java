package dev.moments.application.port.in;

import dev.moments.domain.award.RiskSignal;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Tells a partner how far a user got on a moment and why the user is not (yet) rewarded. */
public interface ExplainProgressQuery {

    /** @throws NotFoundException if the partner has no such moment */
    Explanation explain(PartnerId partnerId, String userId, MomentId momentId);

    /**
     * @param current how far the user got since the last completion, in the trigger's unit (events, days, amount,
     *                steps, sub-triggers)
     * @param completions how many times the user completed the moment
     * @param awards how many awards the user earned on it
     * @param lateEventsIgnored events that arrived too far out of order to count
     * @param newestEventAt the latest {@code occurredAt} seen for this user and moment, or {@code null}
     * @param countingAfter events at or before this instant were used up by the last completion, or {@code null}
     * @param reasons why the user is not (yet) rewarded: refusal codes from docs/api.md (as the award policies find
     *     them now, then the one that last stopped the user while nothing counted since) and {@link Note notes} on the
     *     progress; empty when nothing stands in the way
     * @param lastRefusal the refusal that stopped the user's last completion, or {@code null}
     * @param completionKept whether that completion was kept (refused for the partner's money, not the user's own
     *     limits): the user's next matching event completes the moment again and is paid once money allows
     * @param referral for a referral moment, the user's standing on both of its sides; {@code null} otherwise
     */
    record Explanation(MomentId momentId, String userId, MomentStatus momentStatus, String kind, BigDecimal current,
                       BigDecimal target, boolean complete, int completions, int awards, int lateEventsIgnored,
                       Instant newestEventAt, Instant countingAfter, boolean holdout, List<String> reasons,
                       String lastRefusal, boolean completionKept, ReferralStanding referral,
                       List<RiskSignal> risk) {

        public Explanation {
            risk = risk == null ? List.of() : List.copyOf(risk);
        }
    }

    /**
     * A user on a referral moment: as a referee (progress and reasons above are theirs as one), and as a referrer.
     *
     * @param referredBy who referred the user, or {@code null}
     * @param referredAt when, or {@code null}
     * @param expiresAt when the user's completion stops paying their referrer, or {@code null} (not referred, or no
     *     window)
     * @param referralsPaid how many of the users this user referred were paid for (to this user), at most
     *     {@code perUser}
     * @param perUser the moment's {@code limits.perUser}: the most referrals it pays one referrer
     */
    record ReferralStanding(String referredBy, Instant referredAt, Instant expiresAt, int referralsPaid,
                            int perUser) {
    }

    /** What an explanation says of the progress itself, beside the refusals. */
    enum Note {
        /** Events arrived too far out of order to count. */
        LATE_EVENTS_IGNORED,
        /** The trigger is not complete yet. */
        NOT_COMPLETED,
        /** A direct moment: the partner's own engine decides. */
        AWAITING_PARTNER
    }
}
