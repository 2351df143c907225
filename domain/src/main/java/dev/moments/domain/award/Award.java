package dev.moments.domain.award;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One completion of a moment by one user, paid for by a reservation of the moment's budget and redeemable through
 * a secret link. There is never more than one award per (moment, user, completion).
 *
 * <h2>The life of an award</h2>
 *
 * <p>An award is {@code EARNED} the moment a user completes a live moment and its budget can pay: the price is
 * reserved from the budget in that same step, so a budget never promises more than it holds. The user gets a link
 * of their own; it works from {@code redeemableAt} (a moment may ask for a delay) until {@code expiresAt}. An award
 * held for a manual check waits in {@code PENDING_REVIEW}; its link says it is not ready yet, and it may still expire
 * or be cancelled.
 *
 * <p>On the link the user picks one of the moment's rewards and so {@code CLAIMED} the award: what the reward costs
 * is now spent, and whatever the reservation held beyond it goes back to the budget. The reward's provider then
 * delivers it — a gift code at once ({@code FULFILLED}), or an order that takes its time ({@code FULFILLING} until
 * the provider reports it {@code FULFILLED}). A delivery that fails for good ends the award {@code FAILED}, and its
 * cost goes back to the budget: the partner never pays for a reward nobody received.
 *
 * <p>An award nobody claims in time {@code EXPIRED}; one the partner takes back before it is claimed is
 * {@code CANCELLED}. Either way its reservation returns to the budget, which may bring an exhausted moment back to
 * life. Claimed, fulfilled, failed, expired and cancelled awards stay as they are — the history of what each
 * action cost.
 *
 * @param completion 1 for the user's first completion of the moment, 2 for the second, …
 * @param reserved what the budget set aside for it (zero for a test award)
 * @param test whether it was earned in TEST mode: charged nothing, fulfilled by the sandbox
 * @param eventId the partner's id of the event that completed the moment
 * @param tokenDigest the SHA-256 digest of the redemption token; the token itself is never stored in clear
 * @param redeemableAt when the link starts to work
 * @param expiresAt when the link stops working, or {@code null} if never
 * @param referrer for an award of a referral moment, the user who referred the referee; {@code null} otherwise
 * @param referee for an award of a referral moment, the referred user whose completion it pays for: the award is the
 *     referrer's ({@code userId} is the referrer) or, when the moment rewards the referee too, the referee's own
 * @param variant the name of the moment's variant its user was given (which set its price and rewards), or
 *     {@code null} for a moment without variants
 * @param risk what was noticed when it was decided: limits near, the rule that sent it to review
 */
public record Award(
        AwardId id,
        PartnerId partnerId,
        MomentId momentId,
        String userId,
        String deviceId,
        int completion,
        AwardStatus status,
        Money reserved,
        boolean test,
        String eventId,
        String tokenDigest,
        Instant earnedAt,
        Instant redeemableAt,
        Instant expiresAt,
        Instant updatedAt,
        String referrer,
        String referee,
        String variant,
        List<RiskSignal> risk) {

    public Award {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(momentId, "momentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(earnedAt, "earnedAt");
        Objects.requireNonNull(redeemableAt, "redeemableAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (completion < 1) {
            throw new IllegalArgumentException("completion starts at 1");
        }
        if (reserved.isNegative()) {
            throw new IllegalArgumentException("a reservation cannot be negative");
        }
        risk = risk == null ? List.of() : List.copyOf(risk);
        if ((referrer == null) != (referee == null)
                || referrer != null && !userId.equals(referrer) && !userId.equals(referee)) {
            throw new IllegalArgumentException("a referral's award names both sides and is for one of them");
        }
    }

    /** An award of a moment that is not a referral. */
    public Award(AwardId id, PartnerId partnerId, MomentId momentId, String userId, String deviceId, int completion,
                 AwardStatus status, Money reserved, boolean test, String eventId, String tokenDigest,
                 Instant earnedAt, Instant redeemableAt, Instant expiresAt, Instant updatedAt) {
        this(id, partnerId, momentId, userId, deviceId, completion, status, reserved, test, eventId, tokenDigest,
                earnedAt, redeemableAt, expiresAt, updatedAt, null, null, null, List.of());
    }

    /** An award as decided before anything was noticed about it (its risk signals are added after). */
    public Award(AwardId id, PartnerId partnerId, MomentId momentId, String userId, String deviceId, int completion,
                 AwardStatus status, Money reserved, boolean test, String eventId, String tokenDigest,
                 Instant earnedAt, Instant redeemableAt, Instant expiresAt, Instant updatedAt, String referrer,
                 String referee, String variant) {
        this(id, partnerId, momentId, userId, deviceId, completion, status, reserved, test, eventId, tokenDigest,
                earnedAt, redeemableAt, expiresAt, updatedAt, referrer, referee, variant, List.of());
    }

    /** This award in another status; refused if its current status does not lead there. */
    public Award moveTo(AwardStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new InvalidAwardTransitionException(status, target);
        }
        return new Award(id, partnerId, momentId, userId, deviceId, completion, target, reserved, test, eventId,
                tokenDigest, earnedAt, redeemableAt, expiresAt, now, referrer, referee, variant, risk);
    }

    /** This award with what was noticed when it was decided. */
    public Award withRisk(List<RiskSignal> signals) {
        return new Award(id, partnerId, momentId, userId, deviceId, completion, status, reserved, test, eventId,
                tokenDigest, earnedAt, redeemableAt, expiresAt, updatedAt, referrer, referee, variant, signals);
    }

    /** Whether the link has stopped working at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether the link does not work yet at {@code now}. */
    public boolean isRedeemableAt(Instant now) {
        return !now.isBefore(redeemableAt) && !isExpiredAt(now);
    }
}
