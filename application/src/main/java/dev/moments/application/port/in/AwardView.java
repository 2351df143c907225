package dev.moments.application.port.in;

import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.redemption.RedemptionToken;
import java.util.List;
import java.util.Optional;

/**
 * An award with its redemption token, when the server can still unseal it.
 *
 * @param announcement the moment's message to the user, or {@code null}
 * @param history the statuses the award took, oldest first (empty where it was not read)
 * @param delivery the claimed reward and its delivery, once claimed, else {@code null}
 */
public record AwardView(Award award, Optional<RedemptionToken> token, String announcement,
                        List<AwardStatusChange> history, RedeemUseCase.Delivery delivery) {

    public AwardView {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** An award without its history and delivery (just earned, or listed). */
    public AwardView(Award award, Optional<RedemptionToken> token, String announcement) {
        this(award, token, announcement, List.of(), null);
    }
}
