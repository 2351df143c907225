package dev.moments.testkit;

import dev.moments.application.port.in.AwardView;
import dev.moments.domain.redemption.RedemptionToken;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An award as the API shows it.
 *
 * @param status EARNED (its link can be used), CLAIMED, FULFILLING, FULFILLED, EXPIRED, CANCELLED, …
 * @param redeemToken the secret of the award's redemption link {@code /r/<token>}, which {@link TestPartner#claim}
 *     takes; {@code null} for an award without a link (as the API's {@code redeemUrl})
 * @param reserved what the award reserved from the moment's budget (zero for a test award)
 * @param expiresAt when the link stops working unless claimed, or {@code null}
 */
public record TestAward(String id, String momentId, String userId, String status, String redeemToken,
                        BigDecimal reserved, Instant expiresAt) {

    static TestAward of(AwardView view) {
        return new TestAward(view.award().id().value(), view.award().momentId().value(), view.award().userId(),
                view.award().status().name(), view.token().map(RedemptionToken::value).orElse(null),
                view.award().reserved().amount(), view.award().expiresAt());
    }
}
