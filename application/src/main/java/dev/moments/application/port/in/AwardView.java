package dev.moments.application.port.in;

import dev.moments.domain.award.Award;
import dev.moments.domain.redemption.RedemptionToken;
import java.util.Optional;

/**
 * An award with its redemption token, when the server can still unseal it.
 *
 * @param announcement the moment's message to the user, or {@code null}
 */
public record AwardView(Award award, Optional<RedemptionToken> token, String announcement) {
}
