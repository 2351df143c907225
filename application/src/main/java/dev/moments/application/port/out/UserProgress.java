package dev.moments.application.port.out;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.ProgressState;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's progress on a moment as stored, with what explain needs to say why the user is not (yet) rewarded.
 *
 * @param holdout whether the user is in the moment's control group (tracked, never rewarded)
 * @param lastRefusal the reason code of the last refusal ({@code NOT_IN_AUDIENCE}, {@code BUDGET_EXHAUSTED}, …), or
 *                    {@code null}
 */
public record UserProgress(PartnerId partnerId, MomentId momentId, String userId, ProgressState state, boolean holdout,
                           String lastRefusal, Instant updatedAt) {

    public UserProgress {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(momentId, "momentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
