package dev.moments.application.port.out;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.ProgressState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's progress on a moment as stored, with what explain needs to say why the user is not (yet) rewarded.
 *
 * @param holdout whether the user is in the moment's control group (tracked, never rewarded)
 * @param lastRefusal the reason code of the last refusal ({@code NOT_IN_AUDIENCE}, {@code BUDGET_EXHAUSTED}, …), or
 *                    {@code null}
 * @param reachedAt when the user first reached the moment (the {@code occurredAt} of the earliest event of a type it
 *                  listens to that passed its audience while it was LIVE), or {@code null} before; with
 *                  {@code holdout}, the user's arm, for the moment's report
 * @param progressedAt when an event of the reached user first counted towards the trigger, or {@code null}
 * @param revenue the revenue the user's events brought since the reach (the moment's {@code outcomes.revenue})
 * @param variant the name of the moment's variant the user was given at the reach (a treatment user of a moment
 *                with variants), or {@code null}
 */
public record UserProgress(PartnerId partnerId, MomentId momentId, String userId, ProgressState state, boolean holdout,
                           String lastRefusal, Instant updatedAt, Instant reachedAt, Instant progressedAt,
                           BigDecimal revenue, String variant) {

    /** Progress on a moment without variants. */
    public UserProgress(PartnerId partnerId, MomentId momentId, String userId, ProgressState state, boolean holdout,
                        String lastRefusal, Instant updatedAt, Instant reachedAt, Instant progressedAt,
                        BigDecimal revenue) {
        this(partnerId, momentId, userId, state, holdout, lastRefusal, updatedAt, reachedAt, progressedAt, revenue,
                null);
    }

    /** Progress of a user who has not reached the moment. */
    public UserProgress(PartnerId partnerId, MomentId momentId, String userId, ProgressState state, boolean holdout,
                        String lastRefusal, Instant updatedAt) {
        this(partnerId, momentId, userId, state, holdout, lastRefusal, updatedAt, null);
    }

    /** Progress without revenue, not yet counted towards the trigger. */
    public UserProgress(PartnerId partnerId, MomentId momentId, String userId, ProgressState state, boolean holdout,
                        String lastRefusal, Instant updatedAt, Instant reachedAt) {
        this(partnerId, momentId, userId, state, holdout, lastRefusal, updatedAt, reachedAt, null, BigDecimal.ZERO);
    }

    public UserProgress {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(momentId, "momentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        revenue = Objects.requireNonNull(revenue, "revenue").setScale(4, RoundingMode.HALF_EVEN);
    }
}
