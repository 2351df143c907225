package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes new awards: an unguessable id, a redemption token from a secure random source (kept sealed, never in clear),
 * and the moment's redemption window. Deciding whether an award is due is {@link Awarding}'s job, not this one's.
 */
public final class AwardIssuer {

    /** The digest a hypothetical award carries: it has no token. */
    private static final String NO_TOKEN = "0".repeat(64);

    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final TokenSealer sealer;

    public AwardIssuer(IdGenerator ids, SecretGenerator secrets, TokenSealer sealer) {
        this.ids = ids;
        this.secrets = secrets;
        this.sealer = sealer;
    }

    /** A new award's id. */
    AwardId nextId() {
        return new AwardId(ids.next(AwardId.PREFIX));
    }

    /** A new award with its token, and that token sealed for the store. */
    Issued issue(AwardId id, Moment moment, String userId, String deviceId, int completion, Money price,
                 boolean test, String eventId, Referral referral, String variant, Instant now) {
        RedemptionToken token = secrets.newRedemptionToken();
        Award award = award(id, moment, userId, deviceId, completion, price, test, eventId, referral, variant,
                token.digest(), now);
        return new Issued(new AwardView(award, Optional.of(token), moment.messages().announcement()),
                sealer.seal(token.value()));
    }

    /** The award a completion would get, without a token and stored nowhere: for dry runs. */
    AwardView hypothetical(Moment moment, String userId, String deviceId, int completion, Money price,
                           boolean test, String eventId, Referral referral, String variant, Instant now) {
        return new AwardView(award(nextId(), moment, userId, deviceId, completion, price, test, eventId, referral,
                variant, NO_TOKEN, now), Optional.empty(), moment.messages().announcement());
    }

    /** An award as the user sees it, and its token sealed for the store. */
    record Issued(AwardView view, String sealedToken) {
    }

    /**
     * An award for {@code userId}; of a referral moment, {@code referral} names both of its sides; of a moment with
     * variants, {@code variant} names the user's.
     */
    private static Award award(AwardId id, Moment moment, String userId, String deviceId, int completion,
                               Money price, boolean test, String eventId, Referral referral, String variant,
                               String tokenDigest, Instant now) {
        Duration claimWithin = moment.limits().claimWithin();
        return new Award(id, moment.partnerId(), moment.id(), userId, deviceId, completion, AwardStatus.EARNED, price,
                test, eventId, tokenDigest, now, now.plus(moment.limits().redeemAfter()),
                claimWithin == null ? null : now.plus(claimWithin), now,
                referral == null ? null : referral.referrer(), referral == null ? null : referral.referee(), variant);
    }
}
