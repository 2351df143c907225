package dev.moments.application.port.in;

import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.Text;
import java.util.List;
import java.util.Objects;

/**
 * The partner's own engine decided that a user earned a moment (the original Amazon Moments model): award it now,
 * or preview whether it would be awarded without consuming anything.
 */
public interface DirectAwardUseCase {

    /**
     * Awards the moment to the user, reserving its price.
     *
     * @throws NotEligibleException with the reason when the user may not be awarded
     */
    AwardView award(DirectAwardCommand command);

    /** Whether the user would be awarded now, and with what; consumes and stores nothing. */
    Preview preview(DirectAwardCommand command);

    /** Who earned what. */
    record DirectAwardCommand(PartnerId partnerId, MomentId momentId, String userId, String deviceId,
                              EventContext context) {

        public DirectAwardCommand {
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(momentId, "momentId");
            userId = Text.id("userId", userId, RecordEventCommand.MAX_ID_LENGTH);
            deviceId = Text.optionalId("deviceId", deviceId, RecordEventCommand.MAX_ID_LENGTH);
            context = context == null ? EventContext.NONE : context;
        }
    }

    /**
     * @param reason why not, a code from docs/api.md, or {@code null} when eligible
     * @param rewards the reward options the user would choose from
     */
    record Preview(boolean eligible, String reason, List<Reward> rewards, String announcement) {
    }
}
