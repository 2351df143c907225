package dev.moments.application.port.in;

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
     */
    record Explanation(MomentId momentId, String userId, MomentStatus momentStatus, String kind, BigDecimal current,
                       BigDecimal target, boolean complete, int completions, int awards, int lateEventsIgnored,
                       Instant newestEventAt, Instant countingAfter, boolean holdout, List<String> reasons,
                       String lastRefusal, boolean completionKept) {
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
